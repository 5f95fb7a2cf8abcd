use std::process::Command;

fn caravan() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_caravan"));
    for var in [
        "DATABASE_URL",
        "CARAVAN_BIND",
        "CARAVAN_WORKERS",
        "CARAVAN_SECRET_KEY",
        "CARAVAN_PUBLIC_URL",
    ] {
        c.env_remove(var);
    }
    c
}

#[test]
fn bad_configuration_is_one_line_and_exit_code_2() {
    let dir = tempfile::tempdir().expect("dir");
    for (var, value) in [
        ("DATABASE_URL", "mysql://localhost/x"),
        ("CARAVAN_BIND", "not-an-address"),
        ("CARAVAN_WORKERS", "0"),
        ("CARAVAN_SECRET_KEY", "short"),
        ("CARAVAN_PUBLIC_URL", "ftp://x"),
    ] {
        let out = caravan()
            .env("CARAVAN_DATA_DIR", dir.path())
            .env(var, value)
            .arg("migrate")
            .output()
            .expect("run");
        assert_eq!(out.status.code(), Some(2), "{var}={value}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
        assert!(stderr.starts_with("configuration error:"), "{stderr}");
        assert!(!stderr.contains("panicked"));
    }
}

#[test]
fn migrate_and_seed_from_the_command_line() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("cli.db");
    let out = caravan()
        .env("CARAVAN_DATA_DIR", dir.path())
        .env("DATABASE_URL", format!("sqlite://{}", db.display()))
        .arg("migrate")
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("applied 1 migration"));
    let out = caravan()
        .env("CARAVAN_DATA_DIR", dir.path())
        .env("DATABASE_URL", db.display().to_string())
        .args(["seed", "--products", "60"])
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("seeded 20 merchants"), "{stdout}");
    assert!(stdout.contains("added 60 synthetic products"), "{stdout}");
    // The generated session key is private to the owner.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(dir.path().join("secret.key"))
            .expect("key")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}
