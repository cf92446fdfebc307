//! Ascending lists of numbers (article or document numbers, token positions), serialised as
//! differences so that they are small varints in the data bundle.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Ascending numbers, stored as differences (small varints on the wire).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Ascending(pub Vec<u32>);

impl Serialize for Ascending {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut prev = 0u32;
        let deltas: Vec<u32> = self
            .0
            .iter()
            .map(|&x| {
                let d = x.wrapping_sub(prev);
                prev = x;
                d
            })
            .collect();
        deltas.serialize(s)
    }
}

impl<'de> Deserialize<'de> for Ascending {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let deltas = Vec::<u32>::deserialize(d)?;
        let mut acc = 0u32;
        Ok(Ascending(
            deltas
                .into_iter()
                .map(|x| {
                    acc = acc.wrapping_add(x);
                    acc
                })
                .collect(),
        ))
    }
}

impl Ascending {
    pub fn contains(&self, x: u32) -> bool {
        self.0.binary_search(&x).is_ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascending_lists_survive_serialisation_as_deltas() {
        let a = Ascending(vec![3, 10, 11, 4000, 4_000_000]);
        let json = serde_json::to_string(&a).unwrap();
        assert_eq!(json, "[3,7,1,3989,3996000]");
        assert_eq!(serde_json::from_str::<Ascending>(&json).unwrap(), a);
    }
}
