//! Our reading of addresses (`article::url::parse`) against the WHATWG URL
//! parser of the `url` crate, on addresses assembled from the pieces that
//! make parsers disagree: spaces and control characters around, tabs and
//! newlines inside, schemes in any case, slashes either way round,
//! credentials, percent-encoded and numeric hosts, ports.
//!
//! Allowed differences, each in the safe direction: a host that is a
//! number in any form but a dotted quad is refused, and a non-ASCII host
//! is passed through unmapped (no IDNA tables), so it matches no allowed
//! image host.

use article::url::{parse, Parsed};
use proptest::prelude::*;
use url::Url;

fn piece(options: &'static [&'static str]) -> impl Strategy<Value = &'static str> {
    proptest::sample::select(options)
}

fn address() -> impl Strategy<Value = String> {
    (
        piece(&["", " ", "\u{1}", "\t", "\u{a0}"]),
        piece(&[
            "http:",
            "https:",
            "HTTPS:",
            "hTTp:",
            "javascript:",
            "data:",
            "ftp:",
            "ht+tp:",
            "1http:",
            "",
            "h ttp:",
        ]),
        piece(&["", "/", "//", "\\\\", "/\\", "///", "\\"]),
        piece(&["", "u@", "u:p@", ":@", "::@", "@", "a@b@", ":p@"]),
        piece(&[
            "example.org",
            "EXAMPLE.org",
            "ex%41mple.org",
            "ex%2fmple.org",
            "127.0.0.1",
            "1.2.3",
            "0x7f.1",
            "01.2.3.4",
            "1.2.3.4.",
            "256.1.1.1",
            "[::1]",
            "[::1",
            "",
            "exa mple.org",
            "ex<ample.org",
            "bücher.de",
            "a..b",
            "example.123",
            "site.",
        ]),
        piece(&["", ":", ":80", ":443", ":8443", ":65536", ":x", ":0080"]),
        piece(&["", "/", "/a?b#c", "?q", "#f", "\\path", "/@x", "/a b"]),
        piece(&["", " ", "\n"]),
        0usize..40,
        piece(&["", "\t", "\n", "\r"]),
    )
        .prop_map(
            |(lead, scheme, slashes, user, host, port, rest, trail, at, inner)| {
                let mut s = format!("{lead}{scheme}{slashes}{user}{host}{port}{rest}{trail}");
                let at = s.char_indices().map(|(i, _)| i).nth(at).unwrap_or(s.len());
                s.insert_str(at, inner);
                s
            },
        )
}

/// A host the browser reads as an IPv4 address (its last label a number).
fn numeric(host: &str) -> bool {
    let last = host.trim_end_matches('.').rsplit('.').next().unwrap_or("");
    !last.is_empty()
        && (last.bytes().all(|b| b.is_ascii_digit()) || last.to_ascii_lowercase().starts_with("0x"))
}

fn host_written(raw: &str) -> String {
    // The host as written, for deciding which allowed difference applies.
    let raw: String = raw
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let after = raw.split_once(':').map_or("", |(_, a)| a);
    let after = after.trim_start_matches(['/', '\\']);
    let authority = after.split(['/', '\\', '?', '#']).next().unwrap_or("");
    let host = authority.rsplit('@').next().unwrap_or("");
    host.split(':').next().unwrap_or("").to_string()
}

fn agrees(raw: &str) {
    let theirs = Url::parse(raw);
    match parse(raw) {
        Ok(Parsed::Web(ours)) => {
            let Ok(url) = theirs else {
                assert!(
                    !ours.host.is_ascii(),
                    "{raw:?}: we read {ours:?}, the URL parser refuses it"
                );
                return;
            };
            assert_eq!(
                url.scheme(),
                if ours.https { "https" } else { "http" },
                "{raw:?}"
            );
            let credentials = !url.username().is_empty() || url.password().is_some();
            assert_eq!(ours.credentials, credentials, "{raw:?}");
            if ours.host.is_ascii() {
                assert_eq!(url.host_str(), Some(ours.host.as_str()), "{raw:?}");
                assert_eq!(url.port(), ours.port, "{raw:?}");
                assert_eq!(
                    ours.origin(),
                    Some(url.origin().ascii_serialization()),
                    "{raw:?}"
                );
            }
        }
        Ok(Parsed::OtherScheme(scheme)) => {
            if let Ok(url) = theirs {
                assert_eq!(url.scheme(), scheme, "{raw:?}");
            }
        }
        Ok(Parsed::Relative { other_site }) => {
            assert_eq!(
                theirs.err(),
                Some(url::ParseError::RelativeUrlWithoutBase),
                "{raw:?}"
            );
            let base = Url::parse("https://site.invalid/a/page/").unwrap();
            if let Ok(joined) = base.join(raw) {
                assert_eq!(joined.origin() != base.origin(), other_site, "{raw:?}");
            } else {
                assert!(
                    other_site,
                    "{raw:?}: only another site's address fails to join"
                );
            }
        }
        Err(_) => {
            if let Ok(url) = theirs {
                assert!(
                    numeric(&host_written(raw.trim())),
                    "{raw:?}: refused, the URL parser reads {url}"
                );
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    #[test]
    fn reads_addresses_as_the_url_standard_does(raw in address()) {
        agrees(&raw);
    }
}

#[test]
fn known_tricks_read_as_a_browser_reads_them() {
    for raw in [
        "https://www.example.com@other.example/",
        "https:\\\\other.example\\x",
        " \u{1}https://example.org",
        "java\tscript:alert(1)",
        "https://ex%61mple.org:0443/",
        "//other.example/a.png",
        "/\t/other.example/a.png",
        "https://[::1]:8080/",
        "https://::@example.org/",
    ] {
        agrees(raw);
    }
}
