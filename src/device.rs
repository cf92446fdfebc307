//! Imported articles kept on this device: the browser's IndexedDB (database `marsad`, object
//! store `articles`, one [`Record`] per article as JSON, keyed by its id). Nothing here leaves
//! the page; the core's `bundle::imported` analyses the records.

use marsad_core::bundle::imported::Record;
use rexie::{ObjectStore, Rexie, TransactionMode};
use wasm_bindgen::JsValue;

const DB: &str = "marsad";
const STORE: &str = "articles";

fn err(e: impl std::fmt::Display) -> String {
    format!("this browser's storage refused: {e}")
}

async fn open() -> Result<Rexie, String> {
    Rexie::builder(DB)
        .version(1)
        .add_object_store(ObjectStore::new(STORE))
        .build()
        .await
        .map_err(err)
}

/// Every stored record, in the order they were stored (by id). A record that does not read
/// back is skipped and named.
pub async fn load() -> Result<(Vec<Record>, Vec<String>), String> {
    let db = open().await?;
    let tx = db
        .transaction(&[STORE], TransactionMode::ReadOnly)
        .map_err(err)?;
    let store = tx.store(STORE).map_err(err)?;
    let values = store.get_all(None, None).await.map_err(err)?;
    let mut out = Vec::new();
    let mut bad = Vec::new();
    for v in values {
        match v.as_string().map(|s| Record::from_json(&s)) {
            Some(Ok(r)) => out.push(r),
            Some(Err(e)) => bad.push(e),
            None => bad.push("a stored value is not a record".into()),
        }
    }
    let _ = tx.done().await;
    db.close();
    Ok((out, bad))
}

/// Stores records (all or none: one transaction).
pub async fn put(records: &[Record]) -> Result<(), String> {
    let db = open().await?;
    let tx = db
        .transaction(&[STORE], TransactionMode::ReadWrite)
        .map_err(err)?;
    let store = tx.store(STORE).map_err(err)?;
    for r in records {
        store
            .put(
                &JsValue::from_str(&r.to_json()),
                Some(&JsValue::from_str(&r.id)),
            )
            .await
            .map_err(err)?;
    }
    tx.done().await.map_err(err)?;
    db.close();
    Ok(())
}

/// Removes the records with these ids (`None`: every record).
pub async fn remove(ids: Option<&[String]>) -> Result<(), String> {
    let db = open().await?;
    let tx = db
        .transaction(&[STORE], TransactionMode::ReadWrite)
        .map_err(err)?;
    let store = tx.store(STORE).map_err(err)?;
    match ids {
        None => store.clear().await.map_err(err)?,
        Some(ids) => {
            for id in ids {
                store.delete(JsValue::from_str(id)).await.map_err(err)?;
            }
        }
    }
    tx.done().await.map_err(err)?;
    db.close();
    Ok(())
}
