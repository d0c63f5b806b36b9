//! The pages' Content-Security-Policy, and the hashes it and the
//! subresource-integrity attributes are made of.

use std::fs;
use std::path::Path;

use base64::Engine as _;
use sha2::Digest as _;

/// The Content-Security-Policy of a page: nothing inline runs or styles but
/// the start-up scripts and the style sheet it carries, allowed by their
/// SHA-256.
pub fn policy(head: &str, image_hosts: &[String]) -> String {
    let with_hashes = |directive: &str, hashes: Vec<String>| {
        format!("{directive} {}", hashes.join(" "))
            .trim()
            .to_string()
    };
    [
        "default-src 'none'".to_string(),
        with_hashes(
            "script-src 'self' 'wasm-unsafe-eval'",
            inline_hashes(head, "script"),
        ),
        with_hashes("style-src 'self'", inline_hashes(head, "style")),
        format!("img-src 'self' {}", image_hosts.join(" "))
            .trim()
            .to_string(),
        "font-src 'self'".into(),
        "connect-src 'self'".into(),
        "base-uri 'none'".into(),
        "form-action 'none'".into(),
        "object-src 'none'".into(),
    ]
    .join("; ")
}

/// The policy of a page that runs no app: no script at all, nothing to
/// connect to; its inline style sheet by its hash.
pub fn static_policy(head: &str, image_hosts: &[String]) -> String {
    policy(head, image_hosts)
        .split("; ")
        .map(|directive| match directive.split(' ').next() {
            Some("script-src") => "script-src 'none'".to_string(),
            Some("connect-src") => "connect-src 'none'".to_string(),
            _ => directive.to_string(),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// The CSP hash source of each inline `<element>` in `html` that the
/// browser would run or apply: elements with a `src` are covered by 'self',
/// and data blocks (`application/ld+json`) never run.
pub fn inline_hashes(html: &str, element: &str) -> Vec<String> {
    let (open, close) = (format!("<{element}"), format!("</{element}>"));
    let mut hashes = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find(&open) {
        let Some(tag_end) = rest[start..].find('>').map(|i| start + i + 1) else {
            break;
        };
        let tag = &rest[start..tag_end];
        let body_end = rest[tag_end..]
            .find(&close)
            .map_or(rest.len(), |i| tag_end + i);
        if !tag.contains(" src=") && !tag.contains("application/ld+json") {
            let digest = sha2::Sha256::digest(&rest.as_bytes()[tag_end..body_end]);
            hashes.push(format!(
                "'sha256-{}'",
                base64::engine::general_purpose::STANDARD.encode(digest)
            ));
        }
        rest = &rest[body_end..];
    }
    hashes
}

/// A subresource-integrity value (`sha384-…`), as trunk writes them.
pub fn integrity(file: &Path) -> Result<String, String> {
    let bytes = fs::read(file).map_err(|e| format!("{}: {e}", file.display()))?;
    Ok(format!(
        "sha384-{}",
        base64::engine::general_purpose::STANDARD.encode(sha2::Sha384::digest(&bytes))
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_policy_allows_exactly_the_inline_start_up_script() {
        let head = "<script type=\"module\">import init from '../../x.js';</script>\n<script type=\"application/ld+json\">{}</script><script src=\"a.js\"></script>";
        let p = policy(head, &[]);
        assert_eq!(p.matches("'sha256-").count(), 1, "{p}");
        assert!(!p.contains("unsafe-inline"));
        // The hash changes with the script's text, as the browser's would.
        assert_ne!(p, policy(&head.replace("../../", "./"), &[]));
    }

    #[test]
    fn images_come_from_the_site_and_the_hosts_it_names_only() {
        assert!(policy("", &[]).contains("img-src 'self';"));
        let hosts = ["https://images.example.net".to_string()];
        assert!(policy("", &hosts).contains("img-src 'self' https://images.example.net;"));
        assert!(!policy("", &hosts).contains("https:;"));
    }

    #[test]
    fn a_page_without_the_app_allows_no_script() {
        let head = "<style>p{color:red}</style><script>alert(1)</script>";
        let p = static_policy(head, &[]);
        assert!(p.contains("script-src 'none';"), "{p}");
        assert!(p.contains("connect-src 'none';"), "{p}");
        assert!(p.contains("default-src 'none';"), "{p}");
        assert_eq!(p.matches("style-src 'self' 'sha256-").count(), 1, "{p}");
    }

    #[test]
    fn the_policy_allows_the_inline_style_sheet_by_its_hash() {
        let head = "<style>p{color:red}</style>";
        let p = policy(head, &[]);
        assert_eq!(p.matches("style-src 'self' 'sha256-").count(), 1, "{p}");
        assert_ne!(p, policy("<style>p{color:blue}</style>", &[]));
        assert!(policy("", &[]).contains("style-src 'self';"));
    }
}
