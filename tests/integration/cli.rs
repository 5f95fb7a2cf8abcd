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
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.starts_with("applied ")
            && stdout.contains(" migration(s)")
            && !stdout.starts_with("applied 0"),
        "{stdout}"
    );
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

#[test]
fn user_create_and_set_password_read_stdin_and_print_nothing_secret() {
    use std::io::Write;
    let dir = tempfile::tempdir().expect("dir");
    let run = |args: &[&str], stdin: &str| {
        let mut child = caravan()
            .env("CARAVAN_DATA_DIR", dir.path())
            .env("CARAVAN_ARGON2_MEMORY_KIB", "1024")
            .env("CARAVAN_ARGON2_ITERATIONS", "1")
            .args(args)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("spawn");
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(stdin.as_bytes())
            .expect("write");
        child.wait_with_output().expect("wait")
    };
    let out = run(
        &[
            "user",
            "create",
            "--email",
            "boss@example.com",
            "--role",
            "staff",
        ],
        "a-very-private-phrase\n",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let all = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        all.contains("role staff") && !all.contains("a-very-private-phrase"),
        "{all}"
    );
    let out = run(
        &[
            "user",
            "create",
            "--email",
            "x@example.com",
            "--role",
            "staff",
        ],
        "password123\n",
    );
    assert!(!out.status.success(), "a common password is refused");
    let out = run(
        &[
            "user",
            "create",
            "--email",
            "shopless@example.com",
            "--role",
            "merchant",
        ],
        "a-very-private-phrase\n",
    );
    assert!(
        !out.status.success(),
        "a merchant without a shop is refused"
    );
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("/en/merchant/apply"),
        "and told how to get one"
    );
    let out = run(
        &["user", "set-password", "--email", "boss@example.com"],
        "another-private-phrase\n",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!String::from_utf8_lossy(&out.stdout).contains("another-private-phrase"));
    let out = run(
        &["user", "set-password", "--email", "nobody@example.com"],
        "another-private-phrase\n",
    );
    assert!(!out.status.success());
}

#[test]
fn backup_copies_a_live_sqlite_database() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("live.db");
    let url = format!("sqlite://{}", db.display());
    let run = |args: &[&str], url: &str| {
        caravan()
            .env("CARAVAN_DATA_DIR", dir.path())
            .env("DATABASE_URL", url)
            .args(args)
            .output()
            .expect("run")
    };
    assert!(run(&["seed"], &url).status.success());
    let copy = dir.path().join("copy.db");
    let out = run(&["backup", "--to", copy.to_str().unwrap()], &url);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("backup written to"));
    // The copy is a complete database: nothing to migrate, and it holds the demo catalogue.
    let copy_url = format!("sqlite://{}", copy.display());
    let out = run(&["migrate"], &copy_url);
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        "applied 0 migration(s)"
    );
    let out = run(&["seed"], &copy_url);
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("already"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    // An existing file is never overwritten.
    let out = run(&["backup", "--to", copy.to_str().unwrap()], &url);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("already exists"));
}
