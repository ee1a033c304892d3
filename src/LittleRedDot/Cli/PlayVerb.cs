using System.CommandLine;
using System.Runtime.InteropServices;
using LittleRedDot.Content;
using LittleRedDot.Content.Progress;
using LittleRedDot.Tui;
using LittleRedDot.Tui.Presentation;
using LittleRedDot.Tui.Lifecycle;
using LittleRedDot.Tui.Theming;
using Microsoft.Extensions.Logging;
using Terminal.Gui.App;

namespace LittleRedDot.Cli;

/// <summary>
/// `littlereddot play [LEVEL]` — and `littlereddot` alone: the terminal game (issue 5). Without a
/// terminal it says so and points to the headless verbs (exit 2); a malformed level or a missing levels
/// folder is exit 2 before the screen is touched; the game ends with 0 (Ctrl+Q) or 130 (Ctrl+C), the
/// terminal restored either way.
/// </summary>
public static class PlayVerb
{
    public const string NoTerminal =
        "error: the game needs a terminal, but standard input or output is redirected.\n"
        + "Without a terminal, use the headless verbs: `littlereddot levels` lists the levels, "
        + "`littlereddot run LEVEL --alpha A --beta1 B` plays one, `littlereddot replay FILE` verifies saved runs.";

    public static Command Create(CliContext context, Option<string?> levels)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(levels);
        var level = new Argument<string?>("LEVEL")
        {
            Description = "Start on this level: a level id under the levels folder, or a path to a *.level.json file.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var ghost = new Option<string?>("--ghost")
        {
            Description = "Show the run in this *.run.json file as the ghost on LEVEL (it must verify on that level, as replay checks).",
            HelpName = "FILE",
        };
        var command = new Command("play", "Play the game in the terminal (what `littlereddot` alone does).") { level, ghost };
        command.SetAction(parse =>
        {
            if (!context.HasTerminal())
            {
                context.Error.WriteLine(NoTerminal);
                return ExitCodes.BadInput;
            }

            TerminalGuiConfiguration.EnsureApplied();
            var library = context.Library(parse.GetValue(levels));
            var given = parse.GetValue(level);
            List<Pack> packs;
            try
            {
                packs = library.Catalog.Packs().ToList();
            }
            catch (ContentException e) when (e.IsUnreadable && given is not null && given.EndsWith(LevelCatalog.LevelSuffix, StringComparison.Ordinal))
            {
                // A level file given by its path plays without a levels folder.
                packs = [];
            }

            var ghostFile = parse.GetValue(ghost);
            if (ghostFile is not null && given is null)
            {
                throw new UsageException("--ghost needs a LEVEL: the level the run in the file was played on");
            }

            string? levelId = null;
            if (given is not null)
            {
                var definition = library.Resolve(given);
                if (ghostFile is not null && GhostCheck(context, definition, ghostFile) is { } refused)
                {
                    return refused;
                }

                levelId = definition.Id;
                var file = Path.GetFullPath(definition.Spec.Path);
                if (!packs.Any(p => p.LevelFiles.Contains(file, StringComparer.Ordinal)))
                {
                    packs.Insert(0, new Pack("opened", Path.GetDirectoryName(file) ?? ".", "Opened level", null, false, [file]));
                }
            }

            var config = context.Configuration;
            var (data, settingsFile) = RoomSupport.KeptFolders(context);

            using var roomHttp = RoomSupport.Http(context);
            var services = new GameServices(
                context.FileSystem,
                context.Time,
                new SettingsStore(context.FileSystem, settingsFile, context.Time),
                data,
                context.User,
                config["LittleRedDot:Player"],
                config["LittleRedDot:RunsFolder"],
                context.Logging,
                config["LittleRedDot:Room"],
                roomHttp,
                config[Content.Rooms.GivenRoomToken.Key]);
            var theme = new Theme(TerminalTraits.Detect(Environment.GetEnvironmentVariable, config["LittleRedDot:Glyphs"]));
            var model = new ChooserModel(library.Loader, packs, services);
            var game = new GameApp(theme, services, model);

            context.Out.Flush();
            try
            {
                // SIGTERM (kill, a closing session) and SIGHUP (a closed terminal window) killed the game outright, leaving
                // the terminal raw and on the alternate screen: they now stop it like Ctrl+C, so the terminal is restored,
                // and the exit code is 128 + the signal's number, as a shell reports it. A terminal that goes away without
                // a SIGHUP reaching the game (its input hangs up) ends it the same way, with 129 (issue 14).
                // A request to stop from outside the game arms a watchdog: a shutdown stuck on the dead terminal ends the process
                // with the same code after GameStop.Grace, and the game logs the code the process returns.
                var log = context.Logging.CreateLogger<GameStop>();
                using var stop = new GameStop(context.Time, code =>
                {
                    log.ShutdownStuck(GameStop.Grace.TotalSeconds, code);
                    ProcessEnd.Now(code);
                });
                using var interrupted = context.Cancellation.Register(() => stop.Request(ExitCodes.Interrupted));
                void OnSignal(PosixSignalContext signal)
                {
                    signal.Cancel = true;
                    if (StandardInput.HasHungUp())
                    {
                        StandardInput.Detach();
                    }

                    stop.Request(signal.Signal == PosixSignal.SIGTERM ? ExitCodes.Terminated : ExitCodes.HungUp);
                }

                using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
                using var hangUp = PosixSignalRegistration.Create(PosixSignal.SIGHUP, OnSignal);
                using var app = Application.Create();
                app.Init();
                StandardInput.Watch(app, () => stop.Request(ExitCodes.HungUp));
                var exit = game.Run(app, levelId, ghostFile is null ? null : Path.GetFullPath(ghostFile), stop);
                return stop.ExitCode ?? exit;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The application instance is disposed (the terminal restored) before this line runs.
                context.Error.WriteLine($"error: the game stopped unexpectedly: {e.Message}");
                return ExitCodes.CheckFailed;
            }
        });
        return command;
    }

    /// <summary>A ghost file that does not verify on the level stops before the screen, as replay would say it (RULES.md §8 exit codes).</summary>
    private static int? GhostCheck(CliContext context, LevelDefinition level, string file)
    {
        var verdict = GhostFile.Check(context.FileSystem, level, Path.GetFullPath(file));
        if (verdict.Verified)
        {
            return null;
        }

        context.Error.WriteLine($"error: {CliContext.Shorten(file)}: {verdict.Message}");
        return ExitCodes.For(verdict);
    }
}
