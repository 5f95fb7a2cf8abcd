//! argon2id password hashing with configured costs, and the password rules.

use argon2::{Algorithm, Argon2, Params, PasswordHasher as _, PasswordVerifier as _, Version};

use crate::config::PasswordPolicy;

const COMMON: &str = include_str!("common_passwords.txt");

/// Hashes and verifies passwords; also holds a dummy hash so unknown accounts cost the same time.
pub struct Passwords {
    argon: Argon2<'static>,
    dummy_hash: String,
    pub min_length: usize,
}

impl Passwords {
    pub fn new(policy: &PasswordPolicy) -> Result<Self, String> {
        let params = Params::new(
            policy.memory_kib,
            policy.iterations,
            policy.parallelism,
            None,
        )
        .map_err(|e| format!("argon2 parameters: {e}"))?;
        let argon = Argon2::new(Algorithm::Argon2id, Version::V0x13, params);
        let dummy_hash = argon
            .hash_password(b"caravan-timing-equalizer")
            .map_err(|e| format!("argon2: {e}"))?
            .to_string();
        Ok(Self {
            argon,
            dummy_hash,
            min_length: policy.min_length,
        })
    }

    pub fn hash(&self, password: &str) -> Result<String, String> {
        self.argon
            .hash_password(password.as_bytes())
            .map(|h| h.to_string())
            .map_err(|e| format!("argon2: {e}"))
    }

    pub fn verify(&self, password: &str, hash: &str) -> bool {
        self.argon
            .verify_password(password.as_bytes(), hash)
            .is_ok()
    }

    /// Spends the same time as a real verification (for unknown emails).
    pub fn verify_dummy(&self, password: &str) {
        let _ = self
            .argon
            .verify_password(password.as_bytes(), self.dummy_hash.as_str());
    }
}

/// Whether a password is on the list of frequently used ones (case-insensitive).
pub fn is_common(password: &str) -> bool {
    let lowered = password.to_lowercase();
    COMMON.lines().any(|l| !l.starts_with('#') && l == lowered)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_argon2id_salted_and_verify() {
        let p = Passwords::new(&PasswordPolicy {
            memory_kib: 1024,
            iterations: 1,
            parallelism: 1,
            min_length: 10,
        })
        .expect("params");
        let a = p.hash("correct horse battery").expect("hash");
        let b = p.hash("correct horse battery").expect("hash");
        assert!(a.starts_with("$argon2id$v=19$m=1024,t=1,p=1$"));
        assert_ne!(a, b, "salted");
        assert!(p.verify("correct horse battery", &a));
        assert!(!p.verify("correct horse batterY", &a));
        assert!(!p.verify("x", "not a hash"));
    }

    #[test]
    fn common_passwords() {
        assert!(is_common("Password123"));
        assert!(is_common("qwerty123"));
        assert!(is_common("пароль123"));
        assert!(!is_common("saffron-lantern-42"));
    }
}
