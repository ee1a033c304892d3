using System.CommandLine;
using LittleRedDot.Content;
using LittleRedDot.Content.Board;
using LittleRedDot.Content.Rooms;

namespace LittleRedDot.Cli;

/// <summary>
/// `littlereddot board PACK RUNS|URL [--format table|csv|markdown|json] [--watch]` and `board URL`: the
/// workshop leaderboard of a runs folder, or a room's board (RULES.md §8, §9), through one formatter.
/// </summary>
public static class BoardVerb
{
    /// <summary>How often --watch looks again: a shared network folder gives no reliable change events, and a room's board is as cheap to ask for.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);

    public static Command Create(CliContext context, Option<string?> levels)
    {
        var pack = new Argument<string>("PACK") { Description = "A pack folder path, or a pack folder name under the levels folder; or a room's URL alone (http://HOST:PORT)." };
        var runs = new Argument<string?>("RUNS") { Description = "The folder the room saves runs into (searched for *.run.json), or a room's URL.", Arity = ArgumentArity.ZeroOrOne };
        var format = new Option<string>("--format") { Description = "table, csv, markdown or json.", DefaultValueFactory = _ => "table", HelpName = "FORMAT" };
        format.AcceptOnlyFromAmong(BoardFormatter.Formats);
        var watch = new Option<bool>("--watch") { Description = "Keep polling the runs folder or the room and redraw as runs arrive (Ctrl+C to stop)." };
        var command = new Command("board", "Rank a room's verified runs on a pack; tampered and foreign runs are listed and never counted. With a room's URL, the board the room ranks.")
        {
            pack, runs, format, watch,
        };
        command.SetAction(parse =>
        {
            var first = parse.GetValue(pack)!;
            var second = parse.GetValue(runs);
            var chosen = parse.GetValue(format)!;
            var watching = parse.GetValue(watch);
            if (second is null && RoomAddress.LooksLikeUrl(first))
            {
                return Room(context, RoomSupport.Address(first), null, chosen, watching);
            }

            var library = context.Library(parse.GetValue(levels));
            var found = library.Catalog.FindPack(first)
                ?? throw new UsageException($"no pack \"{first}\": give a pack folder, or one of the pack names `littlereddot levels` lists");
            if (second is null)
            {
                throw new UsageException("give the runs folder after the pack, or a room's URL (http://HOST:PORT)");
            }

            if (RoomAddress.LooksLikeUrl(second))
            {
                return Room(context, RoomSupport.Address(second), found, chosen, watching);
            }

            // Only a board that keeps watching can wait for a half-written file; a one-shot board lists it as rejected (§8).
            var board = new Leaderboard(context.FileSystem, context.Time, found, library.Loader, watching ? null : TimeSpan.Zero);
            return Show(context, () => board.Refresh(second), chosen, watching, second, _ => null);
        });
        return command;
    }

    /// <summary>A room's board; with a local pack its title and level order head the columns.</summary>
    private static int Room(CliContext context, RoomAddress room, Pack? pack, string format, bool watching)
    {
        using var http = RoomSupport.Http(context);
        var client = new RoomClient(http, room, context.Time);
        IReadOnlyList<string>? levelIds = null;
        if (pack is not null)
        {
            var library = new LevelLoader(context.FileSystem, pack.Folder);
            levelIds = pack.LevelFiles.Select(f => TryId(library, f)).OfType<string>().ToArray();
        }

        RoomBoard? last = null;
        BoardSnapshot Fetch()
        {
            last = RoomSupport.Wait(client.BoardAsync(context.Cancellation));
            var s = last.Snapshot;
            return pack is null ? s with { PackTitle = $"{s.PackTitle} at {room}" } : s with { PackTitle = pack.Title, LevelIds = levelIds! };
        }

        return Show(context, Fetch, format, watching, room.Text, _ => last is null ? null : Notes(last, levelIds));
    }

    /// <summary>What the board alone does not say: the round's state, and a room that ranks none of the pack's levels.</summary>
    private static string? Notes(RoomBoard board, IReadOnlyList<string>? packLevels)
    {
        var roomLevels = board.Snapshot.LevelIds;
        var otherPack = packLevels is not null && roomLevels.Count > 0 && !roomLevels.Intersect(packLevels, StringComparer.Ordinal).Any()
            ? $"the room ranks none of this pack's levels (it ranks {Excerpt.Of(string.Join(", ", roomLevels))}): is it serving another pack?"
            : null;
        var notes = new[] { RoundState(board), otherPack }.OfType<string>().ToArray();
        return notes.Length == 0 ? null : string.Join("; ", notes);
    }

    private static string? TryId(LevelLoader loader, string file)
    {
        try
        {
            return loader.ReadSpec(file).Id;
        }
        catch (ContentException)
        {
            return null;
        }
    }

    private static string? RoundState(RoomBoard board) =>
        board.Closed == true ? "the round is closed" : board.Frozen == true ? "the board is frozen" : null;

    /// <summary>Prints once, or polls and redraws until Ctrl+C; a room out of reach while watching is said in the footer and tried again.</summary>
    /// <summary>Home and clear: one screen, redrawn in place (the program's own sequence, not text from a file).</summary>
    private const string ClearScreen = "\u001b[H\u001b[2J";

    private static int Show(CliContext context, Func<BoardSnapshot> refresh, string format, bool watching, string source, Func<BoardSnapshot, string?> note)
    {
        if (!watching)
        {
            BoardSnapshot snapshot;
            try
            {
                snapshot = refresh();
            }
            catch (RoomException e)
            {
                context.Error.WriteLine($"error: {e.Message}");
                return ExitCodes.BadInput;
            }

            Print(context, snapshot, format);
            if (note(snapshot) is { } n)
            {
                context.Error.WriteLine($"{n}");
            }

            return ExitCodes.Success;
        }

        BoardSnapshot? shown = null;
        while (true)
        {
            string? problem = null;
            try
            {
                shown = refresh();
            }
            catch (RoomException e)
            {
                problem = e.Message;
            }
            catch (ContentException e)
            {
                // A runs folder renamed away for a moment (a sync, a facilitator tidying up) is waited for (issue 14).
                problem = e.Errors.Count > 0 ? e.Errors[0].Message : e.Message;
            }

            if (context.HasTerminal() && context.Out is TerminalWriter terminal)
            {
                terminal.WriteSequence(ClearScreen);
            }

            if (shown is not null)
            {
                Print(context, shown, format);
            }

            var state = shown is null ? null : note(shown);
            var footer = problem is null ? $"updated {context.Time.GetLocalNow():HH:mm:ss}" : $"{problem}; trying again";
            context.Out.WriteLine($"(watching {source}; {(state is null ? string.Empty : state + "; ")}{footer}; Ctrl+C to stop)");
            context.Out.Flush();
            if (context.Cancellation.WaitHandle.WaitOne(PollInterval))
            {
                return ExitCodes.Interrupted;
            }
        }
    }

    /// <summary>
    /// The board on standard output. CSV is a table for other programs, so its rejected files go to
    /// standard error instead (the other formats list them themselves).
    /// </summary>
    private static void Print(CliContext context, BoardSnapshot snapshot, string format)
    {
        BoardFormatter.Write(context.Out, snapshot, format);
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
