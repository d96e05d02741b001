pub use executor::{
    BlockingGraphClient, BoxFuture, GraphClient, GraphClientBuilder, Sleeper, StaticToken,
    TokenProvider, TokioSleeper,
};
