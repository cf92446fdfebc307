//! The five seed articles, shared by the ingest and core test suites. Tests name them and never
//! assume they are the only articles, so the suites pass with articles added to `seeds/`.

pub const SEED_IDS: [&str; 5] = [
    "k24-hmc-launch",
    "unattributed-biden-sudani",
    "alain-first-round",
    "shafaq-mission-end",
    "infoplus-second-dialogue",
];
