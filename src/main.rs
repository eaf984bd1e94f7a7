//! The command line: parse arguments, call the library, print diagnostics, set the exit
//! code (0 ok, 1 content errors, 2 usage errors, 130 interrupted).

use annalist::diagnostics::Diagnostics;
use annalist::{build_site, check, write, Options, Stopped};
use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "annalist", version, about = "Builds an annotated chronicle into a static website")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into public/ (or --output), replacing it only if the build succeeds
    Build {
        /// The chronicle's folder, holding chronicle.toml, content/ and seeds/
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Where to write the site [default: <root>/public]
        #[arg(long)]
        output: Option<PathBuf>,
        /// The URL the site will be published at, overriding chronicle.toml
        #[arg(long)]
        base_url: Option<String>,
    },
    /// Load and check everything, report every problem, write nothing
    Check {
        /// The chronicle's folder, holding chronicle.toml, content/ and seeds/
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Show every warning, not only the first 100 of each kind
        #[arg(long)]
        all_warnings: bool,
    },
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            let _ = error.print();
            return if error.use_stderr() { ExitCode::from(2) } else { ExitCode::SUCCESS };
        }
    };
    let mut diagnostics = Diagnostics::default();
    let outcome = match cli.command {
        Command::Build { root, output, base_url } => {
            if let Err(error) = write::catch_interrupts() {
                eprintln!("warning: cannot catch interrupts ({error}); an interrupted build may leave a staging folder, which the next build removes");
            }
            let options = Options { root, output, base_url };
            build_site(&options, &mut diagnostics).map(|summary| format!("built {summary}"))
        }
        Command::Check { root, all_warnings } => {
            if all_warnings {
                diagnostics = Diagnostics::showing_all();
            }
            let options = Options { root, ..Options::default() };
            check(&options, &mut diagnostics)
                .map(|chronicle| {
                    format!(
                        "checked {} sources, {} events, {} quotes verified, {}, {} warnings",
                        chronicle.sources.len(),
                        chronicle.events.len(),
                        chronicle.quotes_verified,
                        chronicle.coverage,
                        diagnostics.warning_count()
                    )
                })
                .ok_or(Stopped::Errors)
        }
    };
    {
        // Buffered: a large chronicle may report thousands of warnings.
        use std::io::Write as _;
        let mut stderr = std::io::BufWriter::new(std::io::stderr().lock());
        let _ = write!(stderr, "{diagnostics}");
        let _ = stderr.flush();
    }
    let errors = diagnostics.error_count();
    let stopped_after = format!("error: stopped after {errors} error{}", if errors == 1 { "" } else { "s" });
    match outcome {
        Ok(summary) => {
            println!("{summary}");
            ExitCode::SUCCESS
        }
        Err(Stopped::Errors) => {
            eprintln!("{stopped_after}; nothing was written");
            ExitCode::from(1)
        }
        Err(Stopped::Refused) => {
            eprintln!("{stopped_after}; nothing was written");
            ExitCode::from(2)
        }
        Err(Stopped::Interrupted(output)) => {
            eprintln!("interrupted; {} was left as it was", output.display());
            ExitCode::from(130)
        }
        Err(Stopped::OutputMoved) => {
            eprintln!("{stopped_after}; the previous site was moved aside (see above)");
            ExitCode::from(1)
        }
    }
}

#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

/// jemalloc's options, read when it starts. A large chronicle holds a few gigabytes: with
/// transparent huge pages the kernel maps them in 2 MiB pages rather than 4 KiB ones, so a
/// build at 100,000 events takes some 20,000 page faults instead of some 570,000 and a
/// tenth less time, for a few percent more peak memory. The environment variable
/// `_RJEM_MALLOC_CONF` still overrides it.
#[cfg(all(not(target_env = "msvc"), target_os = "linux"))]
#[export_name = "_rjem_malloc_conf"]
#[used]
static MALLOC_CONF: &[u8; 11] = b"thp:always\0";
