//! Query-string encoding and decoding, in one place and without a browser,
//! so the pre-renderer and the viewer read an address the same way.

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
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
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
    String::from_utf8_lossy(&out).into_owned()
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
