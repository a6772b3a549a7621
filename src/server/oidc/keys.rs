//! ID-token signing keys: one RSA (RS256), one P-256 (ES256) and one
//! Ed25519 (EdDSA) key, generated at first use and kept in the database (so
//! every instance signs with the same keys), never printed or shown.
//! `gatehouse keys rotate` installs a new set; the old one stays published in
//! the JWKS until the ID tokens it signed have expired.

use std::{
    sync::Arc,
    time::{Duration, Instant},
};

use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};
use jsonwebtoken::{jwk::Jwk, Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde_json::{json, Value};
use tokio::sync::RwLock;

use crate::{
    model::AppError,
    server::{
        db::{self, audit::AuditEntry, oidc::KeyRow, Db},
        time::{new_id, now_ms},
    },
};

/// The algorithms an application may choose for its ID tokens.
pub const ALGORITHMS: [&str; 3] = ["RS256", "ES256", "EdDSA"];

/// How long another instance's rotation may go unnoticed.
const RELOAD_EVERY: Duration = Duration::from_secs(60);

struct Key {
    kid: String,
    alg: Algorithm,
    encoding: EncodingKey,
    decoding: DecodingKey,
    public: Value,
    retired: bool,
}

/// The keys as loaded from the database, with the JWKS document.
pub struct KeySet {
    keys: Vec<Key>,
    jwks: Value,
    loaded_at: Instant,
}

impl KeySet {
    pub fn jwks(&self) -> &Value {
        &self.jwks
    }

    /// Signs `claims` with the current key of `alg` (RS256 when unknown).
    pub fn sign(&self, alg: &str, claims: &Value) -> Result<String, AppError> {
        let alg = parse_alg(alg).unwrap_or(Algorithm::RS256);
        let key = self
            .keys
            .iter()
            .rev()
            .find(|k| k.alg == alg && !k.retired)
            .ok_or(AppError::Internal)?;
        let mut header = Header::new(alg);
        header.kid = Some(key.kid.clone());
        jsonwebtoken::encode(&header, claims, &key.encoding).map_err(|e| {
            tracing::error!("cannot sign an ID token: {e}");
            AppError::Internal
        })
    }

    /// The claims of an ID token we signed (expired or not), for
    /// `id_token_hint`; None when the signature does not check out.
    pub fn verify_ours(&self, token: &str, issuer: &str) -> Option<Value> {
        let header = jsonwebtoken::decode_header(token).ok()?;
        let key = self
            .keys
            .iter()
            .find(|k| Some(&k.kid) == header.kid.as_ref() && k.alg == header.alg)?;
        let mut validation = Validation::new(key.alg);
        validation.validate_exp = false;
        validation.validate_aud = false;
        validation.set_issuer(&[issuer]);
        validation.required_spec_claims.clear();
        jsonwebtoken::decode::<Value>(token, &key.decoding, &validation)
            .ok()
            .map(|data| data.claims)
    }
}

fn parse_alg(raw: &str) -> Option<Algorithm> {
    match raw {
        "RS256" => Some(Algorithm::RS256),
        "ES256" => Some(Algorithm::ES256),
        "EdDSA" => Some(Algorithm::EdDSA),
        _ => None,
    }
}

fn load(row: &KeyRow) -> Result<Key, String> {
    let alg = parse_alg(&row.alg).ok_or_else(|| format!("unknown algorithm {}", row.alg))?;
    let der = base64::engine::general_purpose::STANDARD
        .decode(&row.private_der)
        .map_err(|e| e.to_string())?;
    let encoding = match alg {
        Algorithm::RS256 => EncodingKey::from_rsa_der(&der),
        Algorithm::ES256 => EncodingKey::from_ec_der(&der),
        _ => EncodingKey::from_ed_der(&der),
    };
    let public: Value = serde_json::from_str(&row.public_jwk).map_err(|e| e.to_string())?;
    let jwk: Jwk = serde_json::from_value(public.clone()).map_err(|e| e.to_string())?;
    let decoding = DecodingKey::from_jwk(&jwk).map_err(|e| e.to_string())?;
    Ok(Key {
        kid: row.kid.clone(),
        alg,
        encoding,
        decoding,
        public,
        retired: row.retired_at.is_some(),
    })
}

fn key_set(rows: &[KeyRow]) -> KeySet {
    let keys: Vec<Key> = rows
        .iter()
        .filter_map(|row| match load(row) {
            Ok(key) => Some(key),
            Err(e) => {
                tracing::error!(kid = %row.kid, "unusable signing key: {e}");
                None
            }
        })
        .collect();
    let jwks = json!({"keys": keys.iter().map(|k| k.public.clone()).collect::<Vec<_>>()});
    KeySet {
        keys,
        jwks,
        loaded_at: Instant::now(),
    }
}

/// A fresh key of each algorithm (RSA generation takes a moment: call off
/// the async threads).
fn generate(now: i64) -> Result<Vec<KeyRow>, String> {
    use ring::signature::{EcdsaKeyPair, Ed25519KeyPair, KeyPair, ECDSA_P256_SHA256_FIXED_SIGNING};
    use rsa::{pkcs1::EncodeRsaPrivateKey, traits::PublicKeyParts};
    let b64 = |bytes: &[u8]| URL_SAFE_NO_PAD.encode(bytes);
    let std64 = |bytes: &[u8]| base64::engine::general_purpose::STANDARD.encode(bytes);
    let rng = ring::rand::SystemRandom::new();
    let row = |alg: &str, der: &[u8], mut jwk: Value| {
        let kid = new_id().to_lowercase();
        jwk["kid"] = json!(kid);
        jwk["alg"] = json!(alg);
        jwk["use"] = json!("sig");
        KeyRow {
            kid,
            alg: alg.into(),
            private_der: std64(der),
            public_jwk: jwk.to_string(),
            created_at: now,
            retired_at: None,
        }
    };

    let rsa = rsa::RsaPrivateKey::new(&mut rand::rngs::OsRng, 2048).map_err(|e| e.to_string())?;
    let rsa_der = rsa.to_pkcs1_der().map_err(|e| e.to_string())?;
    let rs256 = row(
        "RS256",
        rsa_der.as_bytes(),
        json!({"kty": "RSA", "n": b64(&rsa.n().to_bytes_be()), "e": b64(&rsa.e().to_bytes_be())}),
    );

    let ec = EcdsaKeyPair::generate_pkcs8(&ECDSA_P256_SHA256_FIXED_SIGNING, &rng)
        .map_err(|e| e.to_string())?;
    let pair = EcdsaKeyPair::from_pkcs8(&ECDSA_P256_SHA256_FIXED_SIGNING, ec.as_ref(), &rng)
        .map_err(|e| e.to_string())?;
    // An uncompressed point: 0x04, x, y.
    let point = pair.public_key().as_ref();
    let es256 = row(
        "ES256",
        ec.as_ref(),
        json!({"kty": "EC", "crv": "P-256", "x": b64(&point[1..33]), "y": b64(&point[33..65])}),
    );

    let ed = Ed25519KeyPair::generate_pkcs8(&rng).map_err(|e| e.to_string())?;
    let pair = Ed25519KeyPair::from_pkcs8(ed.as_ref()).map_err(|e| e.to_string())?;
    let eddsa = row(
        "EdDSA",
        ed.as_ref(),
        json!({"kty": "OKP", "crv": "Ed25519", "x": b64(pair.public_key().as_ref())}),
    );
    Ok(vec![rs256, es256, eddsa])
}

async fn generate_off_thread(now: i64) -> Result<Vec<KeyRow>, AppError> {
    tokio::task::spawn_blocking(move || generate(now))
        .await
        .map_err(|_| AppError::Internal)?
        .map_err(|e| {
            tracing::error!("cannot generate signing keys: {e}");
            AppError::Internal
        })
}

/// The keys of this server, cached for a minute.
#[derive(Default)]
pub struct SigningKeys {
    cache: RwLock<Option<Arc<KeySet>>>,
}

impl SigningKeys {
    /// The current key set, generating the first one when there is none.
    pub async fn get(&self, db: &Db) -> Result<Arc<KeySet>, AppError> {
        if let Some(set) = self.cache.read().await.as_ref() {
            if set.loaded_at.elapsed() < RELOAD_EVERY {
                return Ok(set.clone());
            }
        }
        let mut cache = self.cache.write().await;
        if let Some(set) = cache.as_ref() {
            if set.loaded_at.elapsed() < RELOAD_EVERY {
                return Ok(set.clone());
            }
        }
        let mut rows = db::oidc::keys(db).await?;
        if !rows.iter().any(|r| r.retired_at.is_none()) {
            let now = now_ms();
            let new = generate_off_thread(now).await?;
            // Another instance may have won the race: then its keys are used.
            db::oidc::install_keys(db, &new, now, 0, true, None).await?;
            rows = db::oidc::keys(db).await?;
        }
        let set = Arc::new(key_set(&rows));
        *cache = Some(set.clone());
        Ok(set)
    }

    /// Forgets the cached keys (after a rotation in this process).
    pub async fn reload(&self) {
        *self.cache.write().await = None;
    }
}

/// Installs a new set of keys; the retired ones stay published for
/// `keep_retired_secs` (the ID-token lifetime) and are then forgotten.
pub async fn rotate(
    db: &Db,
    keep_retired_secs: i64,
    audit: &AuditEntry,
) -> Result<Vec<String>, AppError> {
    let now = now_ms();
    let new = generate_off_thread(now).await?;
    let kids = new.iter().map(|k| format!("{} {}", k.alg, k.kid)).collect();
    db::oidc::install_keys(
        db,
        &new,
        now,
        now - keep_retired_secs * 1000,
        false,
        Some(audit),
    )
    .await?;
    Ok(kids)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_keys_sign_tokens_their_jwks_verifies() {
        let rows = generate(1).unwrap();
        let set = key_set(&rows);
        assert_eq!(set.keys.len(), 3);
        let jwks = set.jwks().to_string();
        assert!(!jwks.contains("\"d\""), "no private parts in the JWKS");
        for alg in ALGORITHMS {
            let token = set
                .sign(alg, &json!({"iss": "https://id.example", "sub": "u1"}))
                .unwrap();
            let claims = set.verify_ours(&token, "https://id.example").unwrap();
            assert_eq!(claims["sub"], "u1");
            assert!(set.verify_ours(&token, "https://other.example").is_none());
            let mut forged = token.clone();
            forged.pop();
            forged.push(if token.ends_with('A') { 'B' } else { 'A' });
            assert!(set.verify_ours(&forged, "https://id.example").is_none());
        }
    }
}
