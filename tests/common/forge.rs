//! Events written straight into a copy with rusqlite, as the copy's owner can: any author, any
//! stamp, a correct digest (the algorithm is public) and, when the forger holds the author's
//! secret key, a valid signature. Merge tests use it to bring what no command would write.

use std::path::Path;

use ed25519_dalek::{Signer, SigningKey};
use parindex::store::{AssessmentKey, Event};

/// One event to forge. `seen` and `parents` must name events the copy holds.
pub struct Forged<'a> {
    pub id: String,
    pub key: AssessmentKey,
    pub target: &'a str,
    pub field: &'a str,
    pub value: &'a str,
    pub parents: Vec<String>,
    pub seen: Vec<String>,
    pub author: &'a str,
    pub at: &'a str,
    pub reason: Option<&'a str>,
}

impl<'a> Forged<'a> {
    /// A change of `target`/`field` by `author` at `at`, with no parents and nothing seen.
    pub fn new(
        key: &AssessmentKey,
        (target, field, value): (&'a str, &'a str, &'a str),
        author: &'a str,
        at: &'a str,
    ) -> Forged<'a> {
        Forged {
            id: uuid::Uuid::now_v7().to_string(),
            key: key.clone(),
            target,
            field,
            value,
            parents: Vec::new(),
            seen: Vec::new(),
            author,
            at,
            reason: None,
        }
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Inserts `f` into the copy at `db`, signed with `secret` when given; returns its id.
pub fn forge(db: &Path, f: &Forged, secret: Option<[u8; 32]>) -> String {
    let c = rusqlite::Connection::open(db).expect("raw copy");
    let mut parent_digests = Vec::new();
    for p in &f.parents {
        let d: String = c
            .query_row("SELECT digest FROM event WHERE id = ?1", [p], |r| r.get(0))
            .expect("parent in the copy");
        parent_digests.push(d);
    }
    let mut parents = f.parents.clone();
    parents.sort();
    let mut seen = f.seen.clone();
    seen.sort();
    let e = Event {
        id: f.id.clone(),
        key: f.key.clone(),
        target: f.target.into(),
        field: f.field.into(),
        value: f.value.into(),
        parents: parents.clone(),
        author: f.author.into(),
        host: "laptop".into(),
        at: f.at.into(),
        reason: f.reason.map(str::to_string),
    };
    let digest = parindex::store::event_digest(&e, Some(&seen), &parent_digests);
    let signature = secret
        .map(|s| {
            hex(&SigningKey::from_bytes(&s)
                .sign(digest.as_bytes())
                .to_bytes())
        })
        .unwrap_or_default();
    c.execute(
        "INSERT INTO event (id, framework_id, unit_code, year, target, field, value, parents, author,
                            host, at, reason, seen, digest, signature)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'laptop', ?10, ?11, ?12, ?13, ?14)",
        rusqlite::params![
            e.id,
            e.key.framework_id,
            e.key.unit_code,
            e.key.year,
            e.target,
            e.field,
            e.value,
            serde_json::to_string(&parents).expect("parents"),
            e.author,
            e.at,
            e.reason,
            serde_json::to_string(&seen).expect("seen"),
            digest,
            signature,
        ],
    )
    .expect("forge");
    e.id
}
