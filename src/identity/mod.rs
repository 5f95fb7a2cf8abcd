//! Who is asking: user rows and roles, password hashing, signed-in sessions and their short-lived lookup. Below
//! `http` (the role extractors read it) and every feature; the account pages themselves live in `accounts`.

pub mod model;
pub mod password;
pub mod repo;
pub mod sign_ins;
