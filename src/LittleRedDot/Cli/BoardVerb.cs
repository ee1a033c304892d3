using System.CommandLine;
using LittleRedDot.Content;
using LittleRedDot.Content.Board;

namespace LittleRedDot.Cli;

/// <summary>`littlereddot board PACK RUNS [--format table|csv|markdown|json] [--watch]`: the workshop leaderboard.</summary>
public static class BoardVerb
{
    /// <summary>How often --watch looks at the runs folder: a shared network folder gives no reliable change events.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);

    public static Command Create(CliContext context, Option<string?> levels)
    {
        var pack = new Argument<string>("PACK") { Description = "A pack folder path, or a pack folder name under the levels folder." };
        var runs = new Argument<string>("RUNS") { Description = "The folder the room saves runs into (searched for *.run.json)." };
        var format = new Option<string>("--format") { Description = "table, csv, markdown or json.", DefaultValueFactory = _ => "table", HelpName = "FORMAT" };
        format.AcceptOnlyFromAmong(BoardFormatter.Formats);
        var watch = new Option<bool>("--watch") { Description = "Keep polling the runs folder and redraw as runs arrive (Ctrl+C to stop)." };
        var command = new Command("board", "Rank a room's verified runs on a pack; tampered and foreign runs are listed and never counted.")
        {
            pack, runs, format, watch,
        };
        command.SetAction(parse =>
        {
            var library = context.Library(parse.GetValue(levels));
            var packName = parse.GetValue(pack)!;
            var found = library.Catalog.FindPack(packName)
                ?? throw new UsageException($"no pack \"{packName}\": give a pack folder, or one of the pack names `littlereddot levels` lists");
            // Only a board that keeps watching can wait for a half-written file; a one-shot board lists it as rejected (§8).
            var watching = parse.GetValue(watch);
            var board = new Leaderboard(context.FileSystem, context.Time, found, library.Loader, watching ? null : TimeSpan.Zero);
            var runsFolder = parse.GetValue(runs)!;
            var chosen = parse.GetValue(format)!;
            if (!watching)
            {
                Print(context, board.Refresh(runsFolder), chosen);
                return ExitCodes.Success;
            }

            while (true)
            {
                // A folder renamed away for a moment (a sync, a facilitator tidying up) is waited for, not fatal (issue 14).
                BoardSnapshot? snapshot = null;
                string? missing = null;
                try
                {
                    snapshot = board.Refresh(runsFolder);
                }
                catch (ContentException e)
                {
                    missing = e.Errors.Count > 0 ? e.Errors[0].Message : e.Message;
                }

                if (context.HasTerminal() && context.Out is TerminalWriter terminal)
                {
                    terminal.WriteSequence(ClearScreen);
                }

                if (snapshot is not null)
                {
                    Print(context, snapshot, chosen);
                }
                else
                {
                    context.Error.WriteLine($"warning: {CliContext.Shorten(runsFolder)}: {missing}; still watching");
                }

                context.Out.WriteLine($"(watching {runsFolder}; updated {context.Time.GetLocalNow():HH:mm:ss}; Ctrl+C to stop)");
                context.Out.Flush();
                if (context.Cancellation.WaitHandle.WaitOne(PollInterval))
                {
                    return ExitCodes.Interrupted;
                }
            }
        });
        return command;
    }

    /// <summary>Home and clear: one screen, redrawn in place (the program's own sequence, not text from a file).</summary>
    private const string ClearScreen = "\u001b[H\u001b[2J";

    /// <summary>
    /// The board on standard output. CSV is a table for other programs, so its rejected files go to
    /// standard error instead (the other formats list them themselves).
    /// </summary>
    private static void Print(CliContext context, BoardSnapshot snapshot, string format)
    {
        context.Out.Write(BoardFormatter.Format(snapshot, format));
        context.Out.Flush();
        if (format == "csv")
        {
            foreach (var rejected in snapshot.Rejected)
            {
                context.Error.WriteLine($"rejected: {CliContext.Shorten(rejected.File)}: {rejected.Reason}");
            }
        }
    }
}
