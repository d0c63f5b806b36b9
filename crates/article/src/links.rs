//! The one policy for addresses that come from data: links (the article's
//! source, related links, a post's address) and image sources. Validation,
//! the viewer, the pre-renderer and the importer all ask here.
//!
//! Addresses are read as a browser reads them (`crate::url::parse`
//! follows the WHATWG URL standard for the parts judged here: the trimming
//! of spaces and control characters, the removal of tabs and newlines, the
//! scheme, credentials and host), so what is checked is what the browser
//! would follow, not what a prefix test sees.

use std::fmt;

use crate::url::{parse, Parsed, WebAddress};

/// Why an address from data is not used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// Not an address a browser reads as absolute (perhaps text that only
    /// looks like one, after characters a browser does not trim).
    NotAbsolute,
    /// A scheme other than http and https (`javascript:`, `data:`, …).
    Scheme,
    /// A user name or password before the host: the link would show one
    /// site and open another.
    Credentials,
    /// An image over plain http: the page's policy would block it.
    Insecure,
    /// A relative image source that leads to another site (`//x`, `\\x`,
    /// `/\x`).
    OtherSite,
}

impl fmt::Display for Refused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Refused::NotAbsolute => "is not an absolute http or https address",
            Refused::Scheme => "is not an http or https address",
            Refused::Credentials => "carries a user name or password before the host",
            Refused::Insecure => "is not https",
            Refused::OtherSite => "leads to another site",
        })
    }
}

/// A link from data: an absolute http(s) address without credentials.
pub fn link(raw: &str) -> Result<(), Refused> {
    web(raw).map(|_| ())
}

/// An image source from data: https on any host, or a path that stays on
/// the page's own site.
pub fn image(raw: &str) -> Result<(), Refused> {
    match parse(raw) {
        Ok(Parsed::Relative { other_site: true }) => Err(Refused::OtherSite),
        Ok(Parsed::Relative { other_site: false }) => Ok(()),
        _ => match web(raw)? {
            address if address.https => Ok(()),
            _ => Err(Refused::Insecure),
        },
    }
}

/// A site's setting naming a host that images may come from, as the
/// origin a Content-Security-Policy source and [`image_allowed`] compare:
/// `https://images.example.net`. Only https, and nothing but the host (and
/// port), written in ASCII (an international name in its `xn--` form).
pub fn image_host(raw: &str) -> Result<String, String> {
    web(raw)
        .ok()
        .filter(|a| a.https && matches!(a.rest.as_str(), "" | "/"))
        .and_then(|a| a.origin())
        .ok_or_else(|| format!("\"{raw}\" is not an https origin like https://images.example.net"))
}

/// Whether the page may show an image whose source passed [`image`]: a
/// source on the site itself always, one on another host when that host is
/// in `hosts` (the page's policy lists the same). `None`: no list, as on a
/// page without a policy, where any https image loads.
pub fn image_allowed(src: &str, hosts: Option<&[String]>) -> bool {
    match (parse(src), hosts) {
        (Ok(Parsed::Web(address)), Some(hosts)) => address
            .origin()
            .is_some_and(|origin| hosts.contains(&origin)),
        _ => true,
    }
}

/// The host an absolute address names, for saying where a link leads.
pub fn host(raw: &str) -> Option<String> {
    match parse(raw) {
        Ok(Parsed::Web(address)) => Some(address.host),
        _ => None,
    }
}

fn web(raw: &str) -> Result<WebAddress, Refused> {
    match parse(raw) {
        Ok(Parsed::Web(address)) if address.credentials => Err(Refused::Credentials),
        Ok(Parsed::Web(address)) => Ok(address),
        Ok(Parsed::OtherScheme(_)) => Err(Refused::Scheme),
        Ok(Parsed::Relative { .. }) | Err(_) => Err(Refused::NotAbsolute),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_are_http_and_tell_the_truth_about_their_host() {
        assert_eq!(link("HTTPS://Example.org"), Ok(()));
        assert_eq!(link("  https://example.org/a\t  "), Ok(()));
        for (raw, why) in [
            ("javascript:alert(1)", Refused::Scheme),
            (" javascript:https://x", Refused::Scheme),
            ("data:text/html,hi", Refused::Scheme),
            ("http://user:pass@example.org/", Refused::Credentials),
            (
                "https://www.example.com@other.example/",
                Refused::Credentials,
            ),
            ("https://", Refused::NotAbsolute),
            // Whitespace a browser does not trim makes a relative address.
            ("\u{3000}https://other.example/", Refused::NotAbsolute),
            ("\u{a0}https://other.example/", Refused::NotAbsolute),
            ("/a/page", Refused::NotAbsolute),
        ] {
            assert_eq!(link(raw), Err(why), "{raw:?}");
        }
    }

    #[test]
    fn images_are_https_or_stay_on_the_site() {
        for ok in [
            "images/a.jpg",
            "/images/a.jpg",
            "../a.png",
            "https://cdn.example/a.png",
        ] {
            assert!(image(ok).is_ok(), "{ok}");
        }
        for (raw, why) in [
            ("//evil.example/a.png", Refused::OtherSite),
            ("\\\\other.example/x", Refused::OtherSite),
            ("/\\other.example/x", Refused::OtherSite),
            ("/\t/other.example/x", Refused::OtherSite),
            ("http://example.org/a.png", Refused::Insecure),
            ("data:image/png;base64,AA", Refused::Scheme),
            ("javascript:alert(1)", Refused::Scheme),
            ("https://u:p@example.org/a.png", Refused::Credentials),
        ] {
            assert_eq!(image(raw), Err(why), "{raw:?}");
        }
    }

    #[test]
    fn images_from_other_hosts_need_the_site_to_name_the_host() {
        let hosts = [image_host("https://Images.Example.net/").unwrap()];
        assert_eq!(hosts[0], "https://images.example.net");
        assert!(image_allowed(
            "https://images.example.net/a/b.jpg",
            Some(&hosts)
        ));
        assert!(!image_allowed("https://other.example/a.jpg", Some(&hosts)));
        assert!(!image_allowed(
            "https://images.example.net.other.example/a.jpg",
            Some(&hosts)
        ));
        assert!(
            image_allowed("images/a.jpg", Some(&hosts)),
            "the site's own"
        );
        assert!(image_allowed("/images/a.jpg", Some(&[])));
        assert!(!image_allowed(
            "https://images.example.net/a.jpg",
            Some(&[])
        ));
        assert!(image_allowed("https://other.example/a.jpg", None));
        assert_eq!(
            host("https://other.example/a.jpg").as_deref(),
            Some("other.example")
        );
        for bad in [
            "http://images.example.net",
            "https://images.example.net/pictures/",
            "https://u@images.example.net",
            "images.example.net",
            "*",
        ] {
            assert!(image_host(bad).is_err(), "{bad}");
        }
        assert_eq!(
            image_host("https://cdn.example:8443").as_deref(),
            Ok("https://cdn.example:8443")
        );
    }
}
