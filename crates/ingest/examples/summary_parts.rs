use marsad_core::bundle::wire;
use std::io::Write;
fn gz(b: &[u8]) -> usize {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    e.write_all(b).unwrap();
    e.finish().unwrap().len()
}
fn main() {
    let p = std::env::args().nth(1).unwrap();
    let bytes = marsad_ingest::bundle::gunzip(&std::fs::read(&p).unwrap()).unwrap();
    let s: wire::Summary = wire::decode_summary(&bytes).unwrap();
    let show = |name: &str, b: Vec<u8>| println!("{name:12} raw {:>8} gz {:>8}", b.len(), gz(&b));
    show("outlets", wire::encode(&s.outlets));
    show("articles", wire::encode(&s.articles));
    show("facets", wire::encode(&s.facets));
    show("search", wire::encode(&s.search));
    let ids: Vec<&String> = s.articles.iter().map(|e| &e.id).collect();
    show("  ids", wire::encode(&ids));
    // The facets file beside the summary: the definitions, and which articles have each value.
    let dir = std::path::Path::new(&p).parent().unwrap();
    let sets_bytes =
        marsad_ingest::bundle::gunzip(&std::fs::read(dir.join("facets.bin")).unwrap()).unwrap();
    show("facets.bin", sets_bytes.clone());
    let file: wire::FacetsFile = wire::decode(&sets_bytes, "facets").unwrap();
    show("  events", wire::encode(&file.events));
    show("  actors", wire::encode(&file.actors));
    show("  referents", wire::encode(&file.referents));
    show("  claims", wire::encode(&file.claims));
    let ix = marsad_core::analysis::filter::FacetIndex::join(s.facets.clone(), file.sets).unwrap();
    for f in marsad_core::analysis::filter::Facet::ALL {
        let vals = ix.values(f);
        let mut sets = Vec::new();
        for v in vals {
            sets.push(ix.articles_with(f, &v.value).to_vec());
        }
        let n: usize = sets.iter().map(|x| x.len()).sum();
        show(
            &format!("  {}:{}/{}", f.param(), vals.len(), n),
            wire::encode(
                &sets
                    .iter()
                    .map(|x| marsad_core::model::Ascending(x.clone()))
                    .collect::<Vec<_>>(),
            ),
        );
    }
}
