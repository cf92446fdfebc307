//! The curated knowledge files (`seeds/knowledge/*.toml`): read, validated against the verbatim
//! texts (spans must occur in their article, references must exist, labels must be known, every
//! article × layer cell has items or a recorded reason) and turned into the runtime
//! [`marsad_core::model::Knowledge`].

mod build;
mod defined;
mod file;
mod marks;
mod raw;

pub use build::build;
