//! Imported articles kept on this device: the browser's IndexedDB (database `marsad`, object
//! store `articles`, one [`Record`] per article as JSON, keyed by its id; object store
//! `analysis`, the last analysis of them as postcard bytes under the key `current`, so that a
//! later visit need not analyse again). Nothing here leaves the page; the analyser analyses
//! the records.

use marsad_core::bundle::imported::Record;
use rexie::{ObjectStore, Rexie, TransactionMode};
use wasm_bindgen::JsValue;

const DB: &str = "marsad";
const STORE: &str = "articles";
const ANALYSIS: &str = "analysis";
const CURRENT: &str = "current";

fn err(e: impl std::fmt::Display) -> String {
    format!("this browser's storage refused: {e}")
}

async fn open() -> Result<Rexie, String> {
    Rexie::builder(DB)
        .version(2)
        .add_object_store(ObjectStore::new(STORE))
        .add_object_store(ObjectStore::new(ANALYSIS))
        .build()
        .await
        .map_err(err)
}

/// Every stored value, in the order they were stored (by id), not yet read as records: the start
/// of the page reads them ([`read`]) only if there are any.
pub async fn stored() -> Result<Vec<JsValue>, String> {
    let db = open().await?;
    let tx = db
        .transaction(&[STORE], TransactionMode::ReadOnly)
        .map_err(err)?;
    let store = tx.store(STORE).map_err(err)?;
    let values = store.get_all(None, None).await.map_err(err)?;
    let _ = tx.done().await;
    db.close();
    Ok(values)
}

/// The records among stored values, in their order; a value that does not read back is skipped
/// and named.
pub fn read(values: Vec<JsValue>) -> (Vec<Record>, Vec<String>) {
    let mut out = Vec::new();
    let mut bad = Vec::new();
    for v in values {
        match v.as_string().map(|s| Record::from_json(&s)) {
            Some(Ok(r)) => out.push(r),
            Some(Err(e)) => bad.push(e),
            None => bad.push("a stored value is not a record".into()),
        }
    }
    (out, bad)
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

/// Removes the records with these ids (`None`: every record, and their analysis).
pub async fn remove(ids: Option<&[String]>) -> Result<(), String> {
    let db = open().await?;
    let tx = db
        .transaction(&[STORE, ANALYSIS], TransactionMode::ReadWrite)
        .map_err(err)?;
    let store = tx.store(STORE).map_err(err)?;
    if ids.is_none() {
        tx.store(ANALYSIS)
            .map_err(err)?
            .clear()
            .await
            .map_err(err)?;
    }
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

/// The saved analysis, if there is one (its bytes: see `marsad_core::bundle::analyser::Saved`).
pub async fn load_analysis() -> Result<Option<Vec<u8>>, String> {
    let db = open().await?;
    let tx = db
        .transaction(&[ANALYSIS], TransactionMode::ReadOnly)
        .map_err(err)?;
    let store = tx.store(ANALYSIS).map_err(err)?;
    let v = store.get(JsValue::from_str(CURRENT)).await.map_err(err)?;
    let _ = tx.done().await;
    db.close();
    Ok(v.filter(|v| v.is_object())
        .map(|v| js_sys::Uint8Array::new(&v).to_vec()))
}

/// Keeps `bytes` as the saved analysis, replacing the one before.
pub async fn save_analysis(bytes: &[u8]) -> Result<(), String> {
    let db = open().await?;
    let tx = db
        .transaction(&[ANALYSIS], TransactionMode::ReadWrite)
        .map_err(err)?;
    let store = tx.store(ANALYSIS).map_err(err)?;
    store
        .put(
            &js_sys::Uint8Array::from(bytes),
            Some(&JsValue::from_str(CURRENT)),
        )
        .await
        .map_err(err)?;
    tx.done().await.map_err(err)?;
    db.close();
    Ok(())
}
