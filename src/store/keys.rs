//! Officers' Ed25519 keys. The private key lives in the officer's home (`0600`), created on
//! first use by the officer's own process; its public key is registered in the database by an
//! event, and every event the officer writes is signed over its digest. A merged event whose
//! signature does not verify against a key registered for its author is not trusted.

use std::collections::HashMap;
use std::io::Write as _;
use std::os::unix::fs::{MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::PathBuf;
use std::sync::{Mutex, OnceLock};

use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};
use rusqlite::Connection;

use super::log::{Author, NewEvent, append};
use super::officers_key;
use super::{Actor, StoreError, projection};

use crate::fields::Target;

/// The first word of a key file.
const MAGIC: &str = "parindex-ed25519";

/// Signing keys known to this process, by user name (`None`: looked for, none usable).
fn signers() -> &'static Mutex<HashMap<String, Option<SigningKey>>> {
    static SIGNERS: OnceLock<Mutex<HashMap<String, Option<SigningKey>>>> = OnceLock::new();
    SIGNERS.get_or_init(Mutex::default)
}

fn current_user() -> &'static str {
    static USER: OnceLock<String> = OnceLock::new();
    USER.get_or_init(|| Actor::current().user)
}

/// Lets this process sign as `user` with `secret` (sample data and tests, whose officers are
/// not the OS account running them).
pub fn use_key(user: &str, secret: [u8; 32]) {
    let mut map = signers().lock().unwrap_or_else(|e| e.into_inner());
    map.insert(user.to_string(), Some(SigningKey::from_bytes(&secret)));
}

/// A new random secret key, from the operating system.
pub fn generate_secret() -> Result<[u8; 32], StoreError> {
    let mut secret = [0u8; 32];
    std::fs::File::open("/dev/urandom")
        .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut secret))
        .map_err(|e| StoreError::Io(format!("/dev/urandom: {e}")))?;
    Ok(secret)
}

fn signer(user: &str) -> Option<SigningKey> {
    if let Some(k) = signers()
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .get(user)
    {
        return k.clone();
    }
    let key = (user == current_user())
        .then(|| load_or_create().ok())
        .flatten()
        .map(|secret| SigningKey::from_bytes(&secret));
    signers()
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .insert(user.to_string(), key.clone());
    key
}

/// The author's signature (hex) over `digest`, when this process holds their key.
pub(super) fn sign(author: &str, digest: &str) -> Option<String> {
    signer(author).map(|k| hex(&k.sign(digest.as_bytes()).to_bytes()))
}

/// Whether `signature` (hex) is `public`'s (hex) over `digest`.
pub fn verify(public: &str, digest: &str, signature: &str) -> bool {
    PublicKey::parse(public).verifies(digest, signature)
}

/// A registered public key decoded once: a merge verifies many signatures by one key, and
/// decoding the key (a point decompression) costs about a third of a verification.
#[derive(Debug, Clone)]
pub(super) struct PublicKey {
    key: Option<VerifyingKey>,
}

impl PublicKey {
    pub(super) fn parse(hex: &str) -> PublicKey {
        let key = unhex::<32>(hex).and_then(|b| VerifyingKey::from_bytes(&b).ok());
        PublicKey { key }
    }

    /// Whether `signature` (hex) is this key's over `digest`.
    pub(super) fn verifies(&self, digest: &str, signature: &str) -> bool {
        let (Some(key), Some(signature)) = (&self.key, unhex::<64>(signature)) else {
            return false;
        };
        key.verify(digest.as_bytes(), &Signature::from_bytes(&signature))
            .is_ok()
    }
}

/// The public key (hex) this process signs with for `user`, if any.
pub fn public_key(user: &str) -> Option<String> {
    signer(user).map(|k| hex(k.verifying_key().as_bytes()))
}

/// Where the current officer's private key lives: `$XDG_CONFIG_HOME/parindex/signing.key`,
/// else `~/.config/parindex/signing.key`.
pub fn key_path() -> PathBuf {
    let config = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|p| !p.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")))
        .unwrap_or_else(|| PathBuf::from("."));
    config.join("parindex").join("signing.key")
}

/// The key file's text for `user` (what `key export` prints and `key import` reads).
pub fn key_file_text(user: &str, secret: &[u8; 32]) -> String {
    format!("{MAGIC} {user} {}\n", hex(secret))
}

/// Reads a key file: (user, secret). `Err` names what is wrong.
pub fn parse_key_file(text: &str) -> Result<(String, [u8; 32]), String> {
    let mut words = text.split_whitespace();
    match (words.next(), words.next(), words.next(), words.next()) {
        (Some(MAGIC), Some(user), Some(secret), None) => unhex::<32>(secret)
            .map(|s| (user.to_string(), s))
            .ok_or_else(|| "the secret is not 64 hexadecimal digits".into()),
        _ => Err(format!(
            "not a parindex key file (expected '{MAGIC} USER SECRET')"
        )),
    }
}

/// The current officer's secret key: read from their home, or created there (0600) when there
/// is none. A key file that others can read, or that another account owns, is refused.
pub fn load_or_create() -> Result<[u8; 32], StoreError> {
    let path = key_path();
    match std::fs::metadata(&path) {
        Ok(meta) => read_own(&path, &meta),
        Err(_) => {
            let secret = generate_secret()?;
            match write_key(&path, &key_file_text(current_user(), &secret), false) {
                Ok(()) => Ok(secret),
                // Another process created it first: use theirs.
                Err(_) if path.exists() => load_or_create_existing(&path),
                Err(e) => Err(e),
            }
        }
    }
}

fn load_or_create_existing(path: &std::path::Path) -> Result<[u8; 32], StoreError> {
    let meta = std::fs::metadata(path).map_err(|e| io(path, e))?;
    read_own(path, &meta)
}

fn read_own(path: &std::path::Path, meta: &std::fs::Metadata) -> Result<[u8; 32], StoreError> {
    // SAFETY: getuid has no preconditions.
    let uid = unsafe { libc::getuid() };
    if meta.uid() != uid || meta.permissions().mode() & 0o077 != 0 {
        return Err(StoreError::Io(format!(
            "{}: a private key must belong to you and be readable by you only (chmod 600)",
            path.display()
        )));
    }
    let text = std::fs::read_to_string(path).map_err(|e| io(path, e))?;
    let (user, secret) =
        parse_key_file(&text).map_err(|m| StoreError::Io(format!("{}: {m}", path.display())))?;
    if user != current_user() {
        return Err(StoreError::Io(format!(
            "{}: the key belongs to '{user}', not to '{}'",
            path.display(),
            current_user()
        )));
    }
    Ok(secret)
}

/// Writes a key file with mode 0600 (its folder 0700): atomically, never over another key
/// unless `replace`.
pub fn write_key(path: &std::path::Path, text: &str, replace: bool) -> Result<(), StoreError> {
    let dir = path.parent().unwrap_or(std::path::Path::new("."));
    std::fs::create_dir_all(dir).map_err(|e| io(dir, e))?;
    let _ = std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700));
    let tmp = dir.join(format!(".signing.key.{}", std::process::id()));
    let _ = std::fs::remove_file(&tmp);
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(&tmp)
        .map_err(|e| io(&tmp, e))?;
    f.write_all(text.as_bytes())
        .and_then(|()| f.sync_all())
        .map_err(|e| io(&tmp, e))?;
    let placed = if replace {
        std::fs::rename(&tmp, path)
    } else {
        std::fs::hard_link(&tmp, path)
    };
    let _ = std::fs::remove_file(&tmp);
    placed.map_err(|e| io(path, e))?;
    signers()
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .remove(current_user());
    Ok(())
}

fn io(path: &std::path::Path, e: std::io::Error) -> StoreError {
    StoreError::Io(format!("{}: {e}", path.display()))
}

/// Every public key ever registered (and not refused by a merge), by user.
pub(super) fn registered_all(conn: &Connection) -> rusqlite::Result<HashMap<String, Vec<String>>> {
    let mut stmt = conn.prepare_cached(
        "SELECT field, value FROM event WHERE framework_id = '*' AND unit_code = '*' AND year = 0
           AND target = ?1 AND id NOT IN (SELECT event_id FROM quarantine)",
    )?;
    let mut out: HashMap<String, Vec<String>> = HashMap::new();
    for row in stmt.query_map([Target::Key], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
    })? {
        let (user, value) = row?;
        if let Ok(k) = serde_json::from_str::<String>(&value) {
            out.entry(user).or_default().push(k);
        }
    }
    Ok(out)
}

/// The key currently registered for `user` (hex), if any.
pub(super) fn registered(conn: &Connection, user: &str) -> rusqlite::Result<Option<String>> {
    Ok(projection::get(conn, &officers_key(), &Target::Key, user)?
        .and_then(|s| serde_json::from_str::<String>(&s.value).ok()))
}

/// Before `author`'s first signed event in this database (or after they changed keys), an
/// event registering the public key they sign with, signed by it. Nothing when this process
/// cannot sign for them.
pub(super) fn register_if_needed(
    conn: &Connection,
    author: &str,
    host: &str,
) -> Result<(), StoreError> {
    let Some(public) = public_key(author) else {
        return Ok(());
    };
    if registered(conn, author)
        .map_err(StoreError::sql)?
        .as_deref()
        == Some(public.as_str())
    {
        return Ok(());
    }
    let key = officers_key();
    let actor = Actor {
        user: author.to_string(),
        host: host.to_string(),
    };
    let value = serde_json::Value::from(public).to_string();
    let registration = NewEvent {
        key: &key,
        target: Target::Key,
        field: author,
        value,
        reason: None,
        // This machine's clock, not the command's: no officer asks for a registration. It is
        // this database learning the key the account signs with, on the machine where the
        // account is authenticated (DESIGN.md §6), at the moment it first signs here, whatever
        // time the change it precedes (or `key import`'s recheck) was given.
        at: &super::now_utc(),
    };
    append(conn, registration, &actor, Author::KeyRegistration).map(drop)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex<const N: usize>(text: &str) -> Option<[u8; N]> {
    let text = text.trim();
    if text.len() != 2 * N || !text.is_ascii() {
        return None;
    }
    let mut out = [0u8; N];
    for (i, byte) in out.iter_mut().enumerate() {
        *byte = u8::from_str_radix(&text[2 * i..2 * i + 2], 16).ok()?;
    }
    Some(out)
}

impl super::Store {
    /// Registers the key this process signs with for `actor` (after `key import`), at `now`.
    pub fn register_key(&mut self, actor: &Actor, now: &str) -> Result<Option<String>, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(StoreError::sql)?;
        register_if_needed(&tx, &actor.user, &actor.host)?;
        // Changes an earlier merge refused as unsigned (the key was not known here) now count.
        super::replay_merge::recheck_after_grant(&self.frameworks, &tx, now)?;
        // What they changed is totalled again before the commit, like any other write.
        super::kept_totals::commit(tx, &self.frameworks)?;
        Ok(public_key(&actor.user))
    }

    /// The key registered for `user` in this database (hex).
    pub fn registered_key(&self, user: &str) -> Result<Option<String>, StoreError> {
        registered(&self.conn, user).map_err(StoreError::sql)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signature_verifies_only_for_its_digest_and_key() {
        use_key("keys-test-a", [7; 32]);
        use_key("keys-test-b", [8; 32]);
        let sig = sign("keys-test-a", "abc").expect("signed");
        let a = public_key("keys-test-a").expect("a");
        let b = public_key("keys-test-b").expect("b");
        assert!(verify(&a, "abc", &sig));
        assert!(!verify(&a, "abd", &sig));
        assert!(!verify(&b, "abc", &sig));
        assert!(!verify(&a, "abc", "zz"));
    }

    #[test]
    fn key_file_round_trips_and_names_what_is_wrong() {
        let text = key_file_text("lan", &[1; 32]);
        assert_eq!(parse_key_file(&text), Ok(("lan".into(), [1; 32])));
        assert!(
            parse_key_file("hello")
                .unwrap_err()
                .contains("not a parindex key file")
        );
        assert!(
            parse_key_file("parindex-ed25519 lan 12")
                .unwrap_err()
                .contains("64")
        );
    }
}
