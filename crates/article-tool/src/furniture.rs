//! Stage three: body lines to pieces. Page furniture (media and image
//! notes, credits and captions, which copied pages often run together on
//! one line), subheadings, "More on this story" and its links, and
//! paragraphs; each with the rule that decided it.

/// One body line (or a few, run together), classified.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece<'a> {
    Paragraph(&'a str),
    Media {
        placeholder: &'a str,
        caption: &'a str,
    },
    Image {
        credit: Option<&'a str>,
        caption: &'a str,
        /// The picture itself, where the input has it (a page's `<img>`;
        /// copied text only says a picture was there).
        picture: Option<Picture<'a>>,
    },
    Heading(&'a str),
    /// A social post: "Skip Twitter post by @handle", its text, a signature
    /// line ("— Name (@handle) 14 July 2019"), "End of Twitter post".
    Embed {
        provider: &'a str,
        author: Option<&'a str>,
        handle: Option<&'a str>,
        posted: Option<String>,
        text: Vec<&'a str>,
    },
    /// "Analysis box by Jane Roe, technology correspondent", after the box's
    /// title line: the box runs to the next subheading or furniture.
    Analysis {
        title: &'a str,
        byline: Option<&'a str>,
    },
    Related(&'a str),
    Link {
        title: &'a str,
        url: &'a str,
    },
}

/// A picture's address (resolved, and allowed by the URL policy; `None`
/// when it was not) and its text alternative.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Picture<'a> {
    pub src: Option<&'a str>,
    pub alt: &'a str,
    /// Width and height in pixels, as the page gives them.
    pub size: Option<(u32, u32)>,
    /// The picture's file beside a saved page, copied beside the article.
    pub local: Option<&'a std::path::Path>,
}

/// A piece, the line it starts on, and why it is what it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Classified<'a> {
    pub line: usize,
    pub piece: Piece<'a>,
    pub rule: &'static str,
}

pub const MEDIA_PLACEHOLDER: &str = "Media playback is unsupported on your device";
const MEDIA_CAPTION: &str = "Media caption";
const IMAGE_CAPTION: &str = "Image caption";
/// Labels a copied page puts before an image's credit.
const IMAGE_CREDITS: [&str; 2] = ["Image copyright", "Image source"];
const MORE_ON_THIS_STORY: &str = "More on this story";

/// Lines that are page furniture, never a headline.
pub fn is_furniture(line: &str) -> bool {
    starts_with_label(line, MEDIA_PLACEHOLDER).is_some()
        || strip_label(line, MEDIA_CAPTION).is_some()
        || strip_label(line, IMAGE_CAPTION).is_some()
        || IMAGE_CREDITS.iter().any(|l| strip_label(line, l).is_some())
        || line.eq_ignore_ascii_case(MORE_ON_THIS_STORY)
}

/// Body lines to pieces, in order; a warning for each line kept as a
/// paragraph although it does not read like one.
pub fn classify<'a>(
    body: &[(usize, &'a str)],
    warn: &mut dyn FnMut(usize, String),
) -> Vec<Classified<'a>> {
    let mut out = Vec::with_capacity(body.len());
    let mut i = 0;
    let mut in_related = false;
    while i < body.len() {
        let (line, text) = body[i];
        let next = body.get(i + 1).map(|&(_, t)| t);
        i += 1;
        if in_related {
            let (piece, rule) = related_link(line, text, warn);
            out.push(Classified { line, piece, rule });
            continue;
        }
        let furniture = media(line, text, next, warn)
            .or_else(|| image(text, next))
            .or_else(|| {
                embed(text, &body[i..]).map(|(piece, used)| {
                    let rule = "social post: between \"Skip … post by …\" and \"End of … post\"";
                    (piece, rule, used)
                })
            });
        if let Some((piece, rule, used)) = furniture {
            i += used;
            out.push(Classified { line, piece, rule });
        } else if let Some(byline) = analysis_byline(text) {
            let analysis = analysis_box(line, byline, &mut out);
            out.push(analysis);
        } else {
            let (piece, rule) = text_piece(line, text, warn);
            in_related = matches!(piece, Piece::Related(_));
            out.push(Classified { line, piece, rule });
        }
    }
    out
}

/// A piece, the rule that made it, and how many lines after its own it used.
type Found<'a> = (Piece<'a>, &'static str, usize);

/// A line after "More on this story": a related link, or text kept as a
/// paragraph with a warning.
fn related_link<'a>(
    line: usize,
    text: &'a str,
    warn: &mut dyn FnMut(usize, String),
) -> (Piece<'a>, &'static str) {
    match link(text) {
        Some((title, url)) => (
            Piece::Link { title, url },
            "related link: a title and an http(s) address after \"More on this story\"",
        ),
        None => {
            warn(
                line,
                "text after \"More on this story\" without a link; kept as a paragraph".into(),
            );
            (
                Piece::Paragraph(text),
                "paragraph: text after \"More on this story\" without a link",
            )
        }
    }
}

/// The page's note that a player was here, with its caption on the same
/// line or the next; or a "Media caption" line alone.
fn media<'a>(
    line: usize,
    text: &'a str,
    next: Option<&'a str>,
    warn: &mut dyn FnMut(usize, String),
) -> Option<Found<'a>> {
    if let Some(rest) = starts_with_label(text, MEDIA_PLACEHOLDER) {
        let placeholder = &text[..text.len() - rest.len()];
        let same_line = strip_label(rest, MEDIA_CAPTION);
        let next_line = next.and_then(|n| strip_label(n, MEDIA_CAPTION));
        let caption = same_line.or(next_line);
        if caption.is_none() {
            warn(line, "media placeholder without a \"Media caption\"".into());
        }
        let piece = Piece::Media {
            placeholder: placeholder.trim(),
            caption: caption.unwrap_or(""),
        };
        let used = usize::from(same_line.is_none() && next_line.is_some());
        return Some((
            piece,
            "media: the page's note that a player was here, with its caption",
            used,
        ));
    }
    let caption = strip_label(text, MEDIA_CAPTION)?;
    warn(
        line,
        "\"Media caption\" without a media placeholder before it".into(),
    );
    let piece = Piece::Media {
        placeholder: MEDIA_PLACEHOLDER,
        caption,
    };
    Some((piece, "media: a \"Media caption\" line", 0))
}

/// A picture's credit and caption: "Image copyright Reuters Image caption
/// The minister…" on one line, or the caption on the next, or a credit
/// alone; or an "Image caption" line, perhaps with its credit after it.
fn image<'a>(text: &'a str, next: Option<&'a str>) -> Option<Found<'a>> {
    let picture = |credit: Option<&'a str>, caption: Option<&'a str>| Piece::Image {
        credit: credit.filter(|c| !c.is_empty()),
        caption: caption.unwrap_or(""),
        picture: None,
    };
    if let Some(credit) = IMAGE_CREDITS.iter().find_map(|l| strip_label(text, l)) {
        let (credit, caption, used) = match find_label(credit, IMAGE_CAPTION) {
            Some(at) => (
                credit[..at].trim(),
                strip_label(&credit[at..], IMAGE_CAPTION),
                0,
            ),
            None => {
                let c = next.and_then(|n| strip_label(n, IMAGE_CAPTION));
                (credit, c, usize::from(c.is_some()))
            }
        };
        return Some((
            picture(Some(credit), caption),
            "image: a credit line (\"Image copyright\"/\"Image source\") and its caption",
            used,
        ));
    }
    let caption = strip_label(text, IMAGE_CAPTION)?;
    let credit = next
        .and_then(|n| IMAGE_CREDITS.iter().find_map(|l| strip_label(n, l)))
        .filter(|c| find_label(c, IMAGE_CAPTION).is_none());
    Some((
        picture(credit, Some(caption)),
        "image: an \"Image caption\" line",
        usize::from(credit.is_some()),
    ))
}

/// "Analysis box by Jane Roe" (the byline), or "Analysis box" alone (none).
fn analysis_byline(text: &str) -> Option<&str> {
    strip_label(text, "Analysis box by")
        .or_else(|| starts_with_label(text, "Analysis box").filter(|r| r.is_empty()))
}

/// An analysis box: its title is the short line before, taken for a
/// subheading (taken back from `out`); it ends at the next subheading or
/// furniture.
fn analysis_box<'a>(line: usize, byline: &'a str, out: &mut Vec<Classified<'a>>) -> Classified<'a> {
    let title = match out.last() {
        Some(Classified {
            piece: Piece::Heading(title),
            ..
        }) => {
            let title = *title;
            out.pop();
            title
        }
        _ => "Analysis",
    };
    Classified {
        line,
        piece: Piece::Analysis {
            title,
            byline: Some(byline).filter(|b| !b.is_empty()),
        },
        rule: "analysis box: its title line, then \"Analysis box by …\"; it ends at the next subheading or furniture",
    }
}

/// A line of text: "More on this story", a subheading, or a paragraph (with
/// a warning when it does not read like one).
fn text_piece<'a>(
    line: usize,
    text: &'a str,
    warn: &mut dyn FnMut(usize, String),
) -> (Piece<'a>, &'static str) {
    if text.eq_ignore_ascii_case(MORE_ON_THIS_STORY) {
        return (
            Piece::Related(text),
            "related: the \"More on this story\" line",
        );
    }
    if let Some((heading, rule)) = as_heading(text) {
        return (Piece::Heading(heading), rule);
    }
    if !text.ends_with(['.', '!', '?', '"', '\'', '\u{201d}', '\u{2019}', ')', ':']) {
        warn(line, "line not recognised (no sentence ending, too long for a subheading); kept as a paragraph".into());
    }
    (Piece::Paragraph(text), "paragraph: body text")
}

/// A social post starting at `line`, with the lines after it: the piece and
/// how many of `rest` it used (through its "End of … post" line).
fn embed<'a>(line: &'a str, rest: &[(usize, &'a str)]) -> Option<(Piece<'a>, usize)> {
    let after_skip = starts_with_label(line, "Skip")?;
    let (provider, by) = after_skip.split_once(" post by ")?;
    let provider = provider.trim();
    if provider.is_empty() || provider.contains(' ') && provider.split_whitespace().count() > 2 {
        return None;
    }
    let end = rest
        .iter()
        .take(40)
        .position(|(_, l)| starts_with_label(l, &format!("End of {provider} post")).is_some())?;
    let mut author = None;
    let mut handle = by.split_whitespace().next();
    let mut posted = None;
    let mut text = Vec::new();
    for &(_, l) in &rest[..end] {
        // "— Jane Roe (@handle) 14 July 2019": the signature.
        let signed = l.trim_start_matches(['—', '–', '-', ' ']);
        if signed.len() < l.len() {
            if let Some((name, tail)) = signed.split_once(" (") {
                if let Some((h, date)) = tail.split_once(')') {
                    author = Some(name.trim()).filter(|n| !n.is_empty());
                    handle = Some(h.trim()).filter(|h| !h.is_empty()).or(handle);
                    posted = crate::dates::parse_date_line(date.trim());
                    continue;
                }
            }
        }
        if l.eq_ignore_ascii_case("Report") {
            continue;
        }
        text.push(l);
    }
    Some((
        Piece::Embed {
            provider,
            author,
            handle: handle.map(|h| h.trim_end_matches([',', '.'])),
            posted,
            text,
        },
        end + 1,
    ))
}

/// "Title – https://…" → ("Title", "https://…").
fn link(text: &str) -> Option<(&str, &str)> {
    let at = text.find("https://").or_else(|| text.find("http://"))?;
    let url = text[at..].split_whitespace().next()?;
    let title = text[..at].trim().trim_end_matches(['-', ':', '–']).trim();
    Some((if title.is_empty() { url } else { title }, url))
}

/// `line` starts with `label` (any case): the rest, trimmed of the `:` or
/// `,` a page puts after a label. Copied pages often lose the space after
/// it ("Media captionUS Secretary…").
fn starts_with_label<'a>(line: &'a str, label: &str) -> Option<&'a str> {
    let head = line.get(..label.len())?;
    head.eq_ignore_ascii_case(label)
        .then(|| line[label.len()..].trim_start_matches([':', ',']).trim())
}

/// As `starts_with_label`, with something after the label.
fn strip_label<'a>(line: &'a str, label: &str) -> Option<&'a str> {
    starts_with_label(line, label).filter(|rest| !rest.is_empty())
}

/// Where `label` starts inside `text`, at a word boundary, in any case.
fn find_label(text: &str, label: &str) -> Option<usize> {
    let lower = text.to_ascii_lowercase();
    let label = label.to_ascii_lowercase();
    lower
        .match_indices(&label)
        .map(|(i, _)| i)
        .find(|&i| i == 0 || text[..i].ends_with(char::is_whitespace))
}

/// A short line standing alone: quoted ('Future work', 'We don't know
/// where they are', as pages set them), a question ("What happens next?"),
/// or a few capitalised words with no sentence ending.
pub fn as_heading(line: &str) -> Option<(&str, &'static str)> {
    let pairs = [
        ('\'', '\''),
        ('"', '"'),
        ('\u{2018}', '\u{2019}'),
        ('\u{201c}', '\u{201d}'),
    ];
    for (open, close) in pairs {
        if let Some(inner) = line.strip_prefix(open).and_then(|l| l.strip_suffix(close)) {
            let inner = inner.trim();
            // A quoted sentence or clause standing alone is a quote, not a
            // subheading: no full stop or comma, a '?' or '!' only last.
            let body = inner.trim_end_matches(['?', '!']);
            if !inner.is_empty()
                && inner.split_whitespace().count() <= 10
                && !body.contains(['.', ',', ';', '?', '!'])
                && !has_mark(inner, open)
                && !has_mark(inner, close)
            {
                return Some((inner, "subheading: a short quoted line standing alone"));
            }
        }
    }
    let words = line.split_whitespace().count();
    let capital = line.chars().next().is_some_and(char::is_uppercase);
    let quoted = line.contains(['"', '\u{201c}', '\u{201d}']);
    if words <= 8
        && capital
        && !quoted
        && line.ends_with('?')
        && !line[..line.len() - 1].contains(['.', '?', '!'])
    {
        return Some((line, "subheading: a short question standing alone"));
    }
    let ends = line.ends_with(['.', '!', '?', ',', ';', ':', '"', '\u{201d}']);
    (words <= 8 && !ends && capital).then_some((
        line,
        "subheading: a short capitalised line without a sentence ending",
    ))
}

/// `mark` in `text` other than as an apostrophe inside a word ("don't").
fn has_mark(text: &str, mark: char) -> bool {
    let chars: Vec<char> = text.chars().collect();
    chars.iter().enumerate().any(|(i, &c)| {
        c == mark
            && !(i > 0
                && chars[i - 1].is_alphanumeric()
                && chars.get(i + 1).is_some_and(|n| n.is_alphanumeric()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(text: &str) -> Vec<Piece<'_>> {
        let lines: Vec<(usize, &str)> = text
            .lines()
            .enumerate()
            .map(|(i, l)| (i + 1, l.trim()))
            .collect();
        classify(&lines, &mut |_, _| {})
            .into_iter()
            .map(|c| c.piece)
            .collect()
    }

    #[test]
    fn credit_and_caption_run_together_are_one_image() {
        assert_eq!(
            pieces(
                "Image copyright Reuters Image caption The minister arrived in Geneva on Monday"
            ),
            [Piece::Image {
                credit: Some("Reuters"),
                caption: "The minister arrived in Geneva on Monday",
                picture: None
            }]
        );
        assert_eq!(
            pieces("Image source, Getty Images\nImage caption, Crowds gathered"),
            [Piece::Image {
                credit: Some("Getty Images"),
                caption: "Crowds gathered",
                picture: None
            }]
        );
        // A credit alone is a credit, not a subheading.
        assert_eq!(
            pieces("Image copyright Getty Images\nThe talks went on."),
            [
                Piece::Image {
                    credit: Some("Getty Images"),
                    caption: "",
                    picture: None
                },
                Piece::Paragraph("The talks went on.")
            ]
        );
        // A caption, then its credit.
        assert_eq!(
            pieces("Image caption Crowds gathered\nImage copyright PA Media"),
            [Piece::Image {
                credit: Some("PA Media"),
                caption: "Crowds gathered",
                picture: None
            }]
        );
    }

    #[test]
    fn media_note_and_caption_on_one_line_or_two() {
        let one = pieces("Media playback is unsupported on your device Media caption MARCH 2019: The minister speaks");
        assert_eq!(
            one,
            [Piece::Media {
                placeholder: MEDIA_PLACEHOLDER,
                caption: "MARCH 2019: The minister speaks"
            }]
        );
        let two = pieces("Media playback is unsupported on your device\nMedia captionUS Secretary of State John Kerry spoke");
        assert_eq!(
            two,
            [Piece::Media {
                placeholder: MEDIA_PLACEHOLDER,
                caption: "US Secretary of State John Kerry spoke"
            }]
        );
    }

    #[test]
    fn subheadings_quoted_questions_and_plain() {
        assert_eq!(
            as_heading("'Future work'").map(|h| h.0),
            Some("Future work")
        );
        assert_eq!(
            as_heading("'We don't know where they are'").map(|h| h.0),
            Some("We don't know where they are")
        );
        assert_eq!(
            as_heading("What happens next?").map(|h| h.0),
            Some("What happens next?")
        );
        assert_eq!(
            as_heading("The port responds").map(|h| h.0),
            Some("The port responds")
        );
        assert_eq!(as_heading("He cited Russia's decision."), None);
        assert_eq!(as_heading("'It's no secret,' he said"), None);
        assert_eq!(as_heading("'Yes,' she said, 'and no'"), None);
        assert_eq!(
            as_heading("\"It will not be easy. Nothing worth doing ever is.\""),
            None
        );
        assert_eq!(as_heading("\"We will, and we must,\""), None);
        assert_eq!(as_heading("'What now?'").map(|h| h.0), Some("What now?"));
        assert_eq!(
            as_heading("Why did the talks fail, and what will the ministers do about it now?"),
            None
        );
    }

    #[test]
    fn a_social_post_is_one_piece_with_its_author() {
        let text = "Skip Twitter post by @roe\nBig news today. Well done all\n— Jane Roe (@roe) 14 July 2019\nReport\nEnd of Twitter post by @roe\nThe body goes on.";
        assert_eq!(
            pieces(text),
            [
                Piece::Embed {
                    provider: "Twitter",
                    author: Some("Jane Roe"),
                    handle: Some("@roe"),
                    posted: Some("2019-07-14".into()),
                    text: vec!["Big news today. Well done all"],
                },
                Piece::Paragraph("The body goes on."),
            ]
        );
        // Without its end it is not a post.
        assert!(!matches!(
            pieces("Skip Twitter post by @roe\nText.")[0],
            Piece::Embed { .. }
        ));
    }

    #[test]
    fn an_analysis_box_takes_its_title_line() {
        assert_eq!(
            pieces(
                "Why it matters\nAnalysis box by Jane Roe, technology correspondent\nIt matters."
            ),
            [
                Piece::Analysis {
                    title: "Why it matters",
                    byline: Some("Jane Roe, technology correspondent")
                },
                Piece::Paragraph("It matters."),
            ]
        );
    }

    #[test]
    fn related_links_need_an_address() {
        assert_eq!(
            pieces("More on this story\nKerry visits Moscow - https://example.org/a\nSee also"),
            [
                Piece::Related("More on this story"),
                Piece::Link {
                    title: "Kerry visits Moscow",
                    url: "https://example.org/a"
                },
                Piece::Paragraph("See also"),
            ]
        );
    }
}
