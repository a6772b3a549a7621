//! Where a request comes from: the client address and whether it arrived
//! over TLS, believing `X-Forwarded-*` only from configured trusted proxies,
//! and the IP allow-list entries that admin access is checked against.

use std::net::{IpAddr, SocketAddr};

use axum::{
    extract::{ConnectInfo, Request, State},
    http::HeaderMap,
    middleware::Next,
    response::Response,
};
use ipnet::IpNet;

use crate::server::AppState;

/// The client of a request as far as the server can trust it. Every part of
/// the server reads it from the request extensions, never from headers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClientAddr {
    pub ip: Option<IpAddr>,
    pub tls: bool,
}

impl ClientAddr {
    pub fn ip_string(&self) -> Option<String> {
        self.ip.map(|ip| ip.to_string())
    }
}

/// Middleware that works out the [`ClientAddr`] once per request.
pub async fn client_address(
    State(state): State<AppState>,
    mut request: Request,
    next: Next,
) -> Response {
    let peer = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(addr)| addr.ip());
    let addr = resolve_client(peer, request.headers(), &state.config.trusted_proxies);
    request.extensions_mut().insert(addr);
    next.run(request).await
}

/// Walks `X-Forwarded-For` from the right, past trusted proxies only: the
/// first address not in `trusted` is the client. Our server does not
/// terminate TLS itself, so TLS is what a trusted proxy says it saw.
pub fn resolve_client(peer: Option<IpAddr>, headers: &HeaderMap, trusted: &[IpNet]) -> ClientAddr {
    let is_trusted = |ip: IpAddr| trusted.iter().any(|net| net.contains(&unmap(ip)));
    let Some(peer) = peer.map(unmap) else {
        return ClientAddr {
            ip: None,
            tls: false,
        };
    };
    if !is_trusted(peer) {
        return ClientAddr {
            ip: Some(peer),
            tls: false,
        };
    }
    // An entry that does not parse ends the walk: nothing left of it can be
    // told apart from what the client wrote, so the last hop stays the client.
    let forwarded: Vec<Option<IpAddr>> = headers
        .get_all("x-forwarded-for")
        .iter()
        // A value that is not text counts as one unparsable entry.
        .flat_map(|v| v.to_str().unwrap_or("").split(','))
        .map(|part| part.trim().parse::<IpAddr>().ok().map(unmap))
        .collect();
    let mut client = peer;
    for ip in forwarded.iter().rev() {
        let Some(ip) = *ip else { break };
        client = ip;
        if !is_trusted(ip) {
            break;
        }
    }
    // The right-most value is the one our own proxy added.
    let tls = headers
        .get_all("x-forwarded-proto")
        .iter()
        .next_back()
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.rsplit(',').next())
        .is_some_and(|proto| proto.trim().eq_ignore_ascii_case("https"));
    ClientAddr {
        ip: Some(client),
        tls,
    }
}

/// `::ffff:192.0.2.1` is the IPv4 client of a dual-stack socket.
/// Whether the peer may tell which host and address a request was for:
/// a configured trusted proxy, or this machine (a proxy beside us).
pub fn is_trusted_proxy(peer: Option<IpAddr>, trusted: &[IpNet]) -> bool {
    peer.map(unmap)
        .is_some_and(|ip| ip.is_loopback() || trusted.iter().any(|net| net.contains(&ip)))
}

fn unmap(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map(IpAddr::V4).unwrap_or(ip),
        v4 => v4,
    }
}

/// Parses an allow-list entry: one address or a network in CIDR notation.
/// A network with host bits set is refused rather than silently widened.
pub fn parse_entry(raw: &str) -> Result<IpNet, String> {
    let raw = raw.trim();
    if let Ok(ip) = raw.parse::<IpAddr>() {
        return Ok(IpNet::from(unmap(ip)));
    }
    let net: IpNet = raw.parse().map_err(|_| {
        format!("'{raw}' is neither an IP address nor a CIDR range such as 10.0.0.0/8")
    })?;
    if net.trunc() != net {
        return Err(format!(
            "'{raw}' has host bits set; the range is written {}",
            net.trunc()
        ));
    }
    Ok(net)
}

/// The stored and displayed form: a bare address for a single host.
pub fn canonical(net: &IpNet) -> String {
    if net.prefix_len() == net.max_prefix_len() {
        net.addr().to_string()
    } else {
        net.to_string()
    }
}

/// An empty list restricts nothing; an unknown address matches nothing.
pub fn allows(entries: &[IpNet], ip: Option<IpAddr>) -> bool {
    if entries.is_empty() {
        return true;
    }
    ip.map(unmap)
        .is_some_and(|ip| entries.iter().any(|net| net.contains(&ip)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nets(list: &[&str]) -> Vec<IpNet> {
        list.iter().map(|s| parse_entry(s).unwrap()).collect()
    }

    #[test]
    fn entries_are_parsed_and_canonical() {
        assert_eq!(
            canonical(&parse_entry("203.0.113.7").unwrap()),
            "203.0.113.7"
        );
        assert_eq!(
            canonical(&parse_entry(" 10.0.0.0/8 ").unwrap()),
            "10.0.0.0/8"
        );
        assert_eq!(
            canonical(&parse_entry("2001:DB8:0:0::/32").unwrap()),
            "2001:db8::/32"
        );
        assert_eq!(
            canonical(&parse_entry("::ffff:192.0.2.1").unwrap()),
            "192.0.2.1"
        );
        assert!(parse_entry("10.0.0.1/8")
            .unwrap_err()
            .contains("10.0.0.0/8"));
        assert!(parse_entry("10.0.0.0/33").is_err());
        assert!(parse_entry("example.org").is_err());
        assert!(parse_entry("").is_err());
    }

    #[test]
    fn membership_covers_v4_v6_and_mapped_addresses() {
        let list = nets(&["10.0.0.0/8", "2001:db8::/32", "192.0.2.1"]);
        let ip = |s: &str| Some(s.parse::<IpAddr>().unwrap());
        assert!(allows(&list, ip("10.1.2.3")));
        assert!(allows(&list, ip("2001:db8::5")));
        assert!(allows(&list, ip("::ffff:10.9.9.9")));
        assert!(allows(&list, ip("192.0.2.1")));
        assert!(!allows(&list, ip("192.0.2.2")));
        assert!(!allows(&list, ip("2001:db9::1")));
        assert!(!allows(&list, None));
        assert!(allows(&[], None));
    }

    #[test]
    fn forwarded_headers_count_only_from_trusted_proxies() {
        let trusted = nets(&["127.0.0.1", "10.0.0.0/8"]);
        let mut headers = HeaderMap::new();
        headers.insert("x-forwarded-for", "198.51.100.9, 10.0.0.2".parse().unwrap());
        headers.insert("x-forwarded-proto", "https".parse().unwrap());
        let via_proxy = resolve_client("127.0.0.1".parse().ok(), &headers, &trusted);
        assert_eq!(via_proxy.ip, "198.51.100.9".parse().ok());
        assert!(via_proxy.tls);

        let direct = resolve_client("203.0.113.1".parse().ok(), &headers, &trusted);
        assert_eq!(
            direct.ip,
            "203.0.113.1".parse().ok(),
            "spoofed header ignored"
        );
        assert!(!direct.tls);

        // A client cannot hide behind a forged left-most entry.
        let mut forged = HeaderMap::new();
        forged.insert("x-forwarded-for", "10.0.0.7, 203.0.113.50".parse().unwrap());
        let client = resolve_client("127.0.0.1".parse().ok(), &forged, &trusted);
        assert_eq!(client.ip, "203.0.113.50".parse().ok());

        // Nor behind an entry that does not parse: the walk stops there.
        let mut garbled = HeaderMap::new();
        garbled.insert(
            "x-forwarded-for",
            "203.0.113.50, unknown, 10.0.0.2".parse().unwrap(),
        );
        let client = resolve_client("127.0.0.1".parse().ok(), &garbled, &trusted);
        assert_eq!(client.ip, "10.0.0.2".parse().ok());

        // The scheme our proxy saw is the right-most one.
        let mut proto = HeaderMap::new();
        proto.insert("x-forwarded-proto", "https, http".parse().unwrap());
        assert!(!resolve_client("127.0.0.1".parse().ok(), &proto, &trusted).tls);
        proto.insert("x-forwarded-proto", "http, https".parse().unwrap());
        assert!(resolve_client("127.0.0.1".parse().ok(), &proto, &trusted).tls);
    }
}
