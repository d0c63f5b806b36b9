//! Addresses without a browser, in one place: query-string encoding and
//! decoding, so the pre-renderer and the viewer read an address the same
//! way, and the split of an absolute address into the parts the link
//! policy (`links`) judges, as a browser's URL parser splits it.

/// Percent-encode a query value (like `encodeURIComponent`).
pub fn encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// Decode one query component as a browser's `URLSearchParams` does: `+` is
/// a space, `%XX` a byte, and bytes that are not UTF-8 become U+FFFD.
pub fn decode(value: &str) -> String {
    String::from_utf8_lossy(&percent_decoded(value, true)).into_owned()
}

/// `%XX` as a byte (a `%` without two hex digits stays itself), and `+` as
/// a space when `plus_is_space` (query strings, not hosts).
fn percent_decoded(value: &str, plus_is_space: bool) -> Vec<u8> {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' if plus_is_space => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(high), Some(low)) => {
                    out.push(high * 16 + low);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    out
}

fn hex(b: u8) -> Option<u8> {
    (b as char).to_digit(16).map(|d| d as u8)
}

/// The first value of `name` in a query string (with or without its `?`).
pub fn param(query: &str, name: &str) -> Option<String> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| pair.split_once('=').unwrap_or((pair, "")))
        .find(|(key, _)| decode(key) == name)
        .map(|(_, value)| decode(value))
}

/// How a browser reads an address, in the parts the link policy needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Parsed {
    /// No scheme: resolved against the page. `other_site`: it begins with
    /// two slashes (either way round), so it names another host.
    Relative { other_site: bool },
    /// A scheme other than http and https; nothing else is read.
    OtherScheme(String),
    /// An http or https address.
    Web(WebAddress),
}

/// The parts of an http(s) address (WHATWG URL).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebAddress {
    pub https: bool,
    /// A user name or password before the host.
    pub credentials: bool,
    /// Lower-cased and percent-decoded. Non-ASCII hosts are kept as
    /// written: a browser maps them through IDNA, which this crate does
    /// not carry (its tables were 44 KB of the viewer's gzipped wasm), so
    /// callers treat them as unknown hosts. IPv6 addresses are kept as
    /// written too (a browser writes them compressed), so they match an
    /// allowed image host only when written the same way.
    pub host: String,
    /// `None` for the scheme's default port.
    pub port: Option<u16>,
    /// Whatever follows the host: path, query and fragment.
    pub rest: String,
}

impl WebAddress {
    /// `https://host[:port]`, as a Content-Security-Policy source names
    /// it; `None` for a host that is not plain ASCII.
    pub fn origin(&self) -> Option<String> {
        if !self.host.is_ascii() {
            return None;
        }
        let scheme = if self.https { "https" } else { "http" };
        Some(match self.port {
            Some(port) => format!("{scheme}://{}:{port}", self.host),
            None => format!("{scheme}://{}", self.host),
        })
    }
}

/// Why a browser would not read an address at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unreadable;

/// Reads `raw` as a browser's URL parser does for the parts it decides:
/// the trimming of spaces and control characters, the removal of tabs and
/// newlines, the scheme, slashes either way round after it, credentials
/// up to the last `@`, the host and the port. Where this is stricter than
/// a browser (a host that is a number in any form but a dotted quad), it
/// refuses: a link it lets through is read by the browser the same way.
pub fn parse(raw: &str) -> Result<Parsed, Unreadable> {
    let cleaned: String = raw
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let Some((scheme, after)) = scheme(&cleaned) else {
        if cleaned.is_empty() {
            return Err(Unreadable);
        }
        let mut start = cleaned.chars().take(2);
        let slash = |c: Option<char>| matches!(c, Some('/' | '\\'));
        return Ok(Parsed::Relative {
            other_site: slash(start.next()) && slash(start.next()),
        });
    };
    let https = match scheme.as_str() {
        "https" => true,
        "http" => false,
        _ => return Ok(Parsed::OtherScheme(scheme)),
    };
    let after = after.trim_start_matches(['/', '\\']);
    let end = after.find(['/', '\\', '?', '#']).unwrap_or(after.len());
    let (authority, rest) = after.split_at(end);
    let (userinfo, host_port) = match authority.rfind('@') {
        Some(at) => (&authority[..at], &authority[at + 1..]),
        None => ("", authority),
    };
    // User name before the first colon, password after it.
    let credentials = !userinfo.is_empty() && userinfo != ":";
    let (host, port) = split_port(host_port)?;
    let port = match port {
        None | Some("") => None,
        Some(digits) if digits.bytes().all(|b| b.is_ascii_digit()) => {
            let port = digits
                .parse::<u32>()
                .ok()
                .and_then(|n| u16::try_from(n).ok())
                .ok_or(Unreadable)?;
            (port != if https { 443 } else { 80 }).then_some(port)
        }
        Some(_) => return Err(Unreadable),
    };
    Ok(Parsed::Web(WebAddress {
        https,
        credentials,
        host: host_name(host)?,
        port,
        rest: rest.to_string(),
    }))
}

/// The scheme (lower-cased) and what follows its colon, if the address
/// begins with one: a letter, then letters, digits, `+`, `-` or `.`.
fn scheme(s: &str) -> Option<(String, &str)> {
    let (scheme, after) = s.split_once(':')?;
    let mut chars = scheme.chars();
    let valid = chars.next()?.is_ascii_alphabetic()
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    valid.then(|| (scheme.to_ascii_lowercase(), after))
}

/// Host and port, the port after the first colon outside `[…]`.
fn split_port(host_port: &str) -> Result<(&str, Option<&str>), Unreadable> {
    let bracket_end = if host_port.starts_with('[') {
        host_port.find(']').ok_or(Unreadable)? + 1
    } else {
        0
    };
    Ok(match host_port[bracket_end..].find(':') {
        Some(colon) => (
            &host_port[..bracket_end + colon],
            Some(&host_port[bracket_end + colon + 1..]),
        ),
        None => (host_port, None),
    })
}

fn host_name(host: &str) -> Result<String, Unreadable> {
    if let Some(inner) = host.strip_prefix('[') {
        let inner = inner.strip_suffix(']').ok_or(Unreadable)?;
        let ipv6 = !inner.is_empty()
            && inner.contains(':')
            && inner
                .chars()
                .all(|c| c.is_ascii_hexdigit() || c == ':' || c == '.');
        return ipv6
            .then(|| format!("[{}]", inner.to_ascii_lowercase()))
            .ok_or(Unreadable);
    }
    let decoded = String::from_utf8(percent_decoded(host, false)).map_err(|_| Unreadable)?;
    let forbidden = |c: char| c <= ' ' || c == '\u{7f}' || "#%/:<>?@[\\]^|".contains(c);
    if decoded.is_empty() || decoded.chars().any(forbidden) {
        return Err(Unreadable);
    }
    let host = decoded.to_ascii_lowercase();
    // A host whose last label is a number is an IPv4 address to a browser,
    // in decimal, octal or hex parts; only the dotted quad is taken.
    let last = host
        .strip_suffix('.')
        .unwrap_or(&host)
        .rsplit('.')
        .next()
        .unwrap_or("");
    let numeric = !last.is_empty()
        && (last.bytes().all(|b| b.is_ascii_digit())
            || last.starts_with("0x") && last[2..].bytes().all(|b| b.is_ascii_hexdigit()));
    if numeric {
        let parts: Vec<&str> = host.split('.').collect();
        let quad = parts.len() == 4
            && parts.iter().all(|p| {
                !p.is_empty()
                    && p.len() <= 3
                    && (p.len() == 1 || !p.starts_with('0'))
                    && p.bytes().all(|b| b.is_ascii_digit())
                    && p.parse::<u16>().is_ok_and(|n| n <= 255)
            });
        return quad.then_some(host).ok_or(Unreadable);
    }
    Ok(host)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_like_url_search_params() {
        assert_eq!(decode("a+b%20c"), "a b c");
        assert_eq!(decode("%E2%80%9Cq%E2%80%9D"), "“q”");
        assert_eq!(decode("100%"), "100%");
        assert_eq!(decode("%zz"), "%zz");
        assert_eq!(decode("%FF"), "\u{FFFD}");
    }

    #[test]
    fn round_trips_every_character() {
        let s = "Lavrov & Kerry = 2+2 / “talks” ?#% é 漢";
        assert_eq!(decode(&encode(s)), s);
    }

    #[test]
    fn finds_the_first_parameter() {
        let q = "?article=x&topics=a,b&topics=c&empty=&flag";
        assert_eq!(param(q, "article").as_deref(), Some("x"));
        assert_eq!(param(q, "topics").as_deref(), Some("a,b"));
        assert_eq!(param(q, "empty").as_deref(), Some(""));
        assert_eq!(param(q, "flag").as_deref(), Some(""));
        assert_eq!(param(q, "quote"), None);
        assert_eq!(param("", "quote"), None);
    }
}
