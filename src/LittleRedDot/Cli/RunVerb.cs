using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using LittleRedDot.Content;
using LittleRedDot.Content.Lessons;
using LittleRedDot.Engine;

namespace LittleRedDot.Cli;

/// <summary>`littlereddot run LEVEL --alpha A [--beta0 B] [--beta1 B] [--save FILE] [--submit URL] [--player NAME] [--json | --trace]` (RULES.md §8, §9).</summary>
public static class RunVerb
{
    public static Command Create(CliContext context, Option<string?> levels)
    {
        var level = new Argument<string>("LEVEL") { Description = "A level id under the levels folder, or a path to a *.level.json file." };
        var alpha = NumberOption.Required("--alpha", "The learning rate α, inside the level's α range.", "A");
        var beta0 = NumberOption.Optional("--beta0", "The initial β0 (required when β0 is free and its start range is not a single value).", "B");
        var beta1 = NumberOption.Optional("--beta1", "The initial β1 (required when β1 is free and its start range is not a single value).", "B");
        var save = new Option<string?>("--save") { Description = "Save the run as a run file (written atomically).", HelpName = "FILE" };
        var force = new Option<bool>("--force") { Description = "Replace an existing --save file, a read-only one included (a symbolic link is followed; a device or pipe is never replaced)." };
        var submit = new Option<string?>("--submit")
        {
            Description = "Submit the run to a room (http://HOST:PORT, RULES.md §9). Exit 0 when stored, or when the room is out of reach and the run waits in the outbox in your data folder (sent again by the game and the next --submit); exit 1 when the room refuses it.",
            HelpName = "URL",
        };
        var player = new Option<string?>("--player") { Description = "The player's name in the saved run (default: LittleRedDot:Player, else your user name).", HelpName = "NAME" };
        var token = new Option<string?>("--token")
        {
            Description = $"With --submit: the room token of your name, as the room gave it (default: {Content.Rooms.GivenRoomToken.Key} in configuration or the environment variable {Content.Rooms.GivenRoomToken.Variable}, else the token kept in your settings file). For when the settings file could not keep it.",
            HelpName = "TOKEN",
        };
        var json = new Option<bool>("--json") { Description = "Print the result as one JSON object." };
        var trace = new Option<bool>("--trace") { Description = "Print every step as CSV: step,beta0,beta1,cost,grad0,grad1." };
        var command = new Command("run", "Run one level headless with a choice of α and start, and print how it went.")
        {
            level, alpha, beta0, beta1, save, force, submit, player, token, json, trace,
        };
        command.SetAction(parse =>
        {
            if (parse.GetValue(json) && parse.GetValue(trace))
            {
                throw new UsageException("--json and --trace cannot be used together");
            }

            if (parse.GetValue(force) && parse.GetValue(save) is null)
            {
                throw new UsageException("--force replaces an existing --save file; give --save FILE with it");
            }

            var library = context.Library(parse.GetValue(levels));
            var definition = library.Resolve(parse.GetValue(level)!);
            var rules = definition.Level.Rules;
            var choice = new Choice(
                parse.GetValue(alpha),
                Start("--beta0", "β0", parse.GetValue(beta0), rules.Beta0),
                Start("--beta1", "β1", parse.GetValue(beta1), rules.Beta1));
            if (definition.Level.CheckChoice(choice) is { } problem)
            {
                throw new UsageException($"choice out of range: {problem}");
            }

            var savePath = parse.GetValue(save);
            var room = parse.GetValue(submit) is { } url ? RoomSupport.Address(url) : null;
            if (room is not null)
            {
                RoomSupport.KeptFolders(context); // before the run: without a home the run could not wait in the outbox
            }
            var (playerName, playerSource) = context.PlayerAndSource(parse.GetValue(player));
            if ((savePath is not null || room is not null) && PlayerName.Check(playerName) is { } nameProblem)
            {
                throw new UsageException($"{playerSource}: {nameProblem}");
            }

            // Plain text ends with the run's lesson, so a witness watches the run; --trace streams every step instead.
            var witness = new RunWitness(definition.Level);
            IRunObserver observer = parse.GetValue(trace) ? new TraceWriter(context.Out, definition.Level.Valley) : witness;
            RunResult result;
            RunFile? recorded = null;
            if (savePath is not null || room is not null)
            {
                recorded = RunRecorder.Record(definition, choice, playerName, context.Time.GetUtcNow(), observer);
                if (savePath is not null)
                {
                    AtomicFile.Write(context.FileSystem, savePath, RunFileWriter.ToBytes(recorded), parse.GetValue(force) ? Overwrite.Always : Overwrite.Never);
                }

                result = recorded.Result!;
            }
            else
            {
                result = Descent.Run(definition.Level, choice, observer);
            }

            if (parse.GetValue(json))
            {
                WriteJson(context.Out, definition, choice, result);
            }
            else if (observer == witness)
            {
                WriteText(context.Out, definition, choice, result);
                var lesson = Lesson.Explain(definition.Level, choice.Alpha, result, witness, IsWorkshop(library, definition));
                context.Out.WriteLine();
                context.Out.WriteLine($"{lesson.Text}"); // one paragraph: a title quoted in it cannot break the line
            }

            if (savePath is not null)
            {
                context.Error.WriteLine($"saved {CliContext.Shorten(Path.GetFullPath(savePath))}");
            }

            context.Out.Flush();
            return room is null ? ExitCodes.Success : Submit(context, room, recorded!, parse.GetValue(token) ?? context.Configuration[Content.Rooms.GivenRoomToken.Key]);
        });
        return command;
    }

    /// <summary>Whether the level lies in a workshop pack, whose lessons name no thresholds (a pack.json that cannot be read counts as not).</summary>
    private static bool IsWorkshop(LevelLibrary library, LevelDefinition definition)
    {
        try
        {
            return Path.GetDirectoryName(definition.Spec.Path) is { } folder && library.Catalog.FindPack(folder) is { Workshop: true };
        }
        catch (ContentException)
        {
            return false;
        }
    }

    /// <summary>
    /// Sends the run through the outbox and says on standard error what became of it (RULES.md §9): 0 when
    /// stored or waiting, 1 when refused, 2 when it could neither be delivered nor kept.
    /// </summary>
    private static int Submit(CliContext context, Content.Rooms.RoomAddress room, RunFile run, string? token)
    {
        using var http = RoomSupport.Http(context);
        var outbox = RoomSupport.Outbox(context, http, token);
        var report = RoomSupport.Wait(outbox.SubmitAsync(room, run, context.Cancellation));
        var delivery = report.Delivery;
        if (report.EarlierStored > 0)
        {
            context.Error.WriteLine($"sent {report.EarlierStored} earlier run{(report.EarlierStored == 1 ? string.Empty : "s")} that waited in the outbox");
        }

        if (report.EarlierRefused > 0)
        {
            context.Error.WriteLine($"{report.EarlierRefused} earlier run{(report.EarlierRefused == 1 ? " was" : "s were")} refused; see {outbox.Folder}");
        }

        switch (delivery.Status)
        {
            case Content.Rooms.DeliveryStatus.Stored:
                context.Error.WriteLine($"submitted: {delivery.Message}");
                return ExitCodes.Success;
            case Content.Rooms.DeliveryStatus.Refused:
                context.Error.WriteLine($"refused: {delivery.Message}");
                return ExitCodes.CheckFailed;
            case Content.Rooms.DeliveryStatus.NotDelivered when report.NotKept is { } why:
                context.Error.WriteLine($"error: not delivered ({delivery.Message}), and it could not be kept in the outbox: {why}");
                return ExitCodes.BadInput;
            default:
                context.Error.WriteLine($"waiting: {delivery.Message}; the run waits in the outbox ({outbox.Folder}, {report.Waiting} waiting) and is sent again by the game and the next `run --submit`");
                return ExitCodes.Success;
        }
    }

    private static double Start(string option, string name, double? given, ParameterRule rule)
    {
        if (rule.IsFixed)
        {
            if (given is { } value && value != rule.Value)
            {
                throw new UsageException($"{option}: {name} is fixed at {DoubleText.RoundTrip(rule.Value)} in this level; leave {option} out or give that value");
            }

            return rule.Value;
        }

        if (given is not { } start)
        {
            return rule.Min == rule.Max
                ? rule.Min
                : throw new UsageException($"{option} is required: {name} is free in this level; pick a start in [{DoubleText.RoundTrip(rule.Min)}, {DoubleText.RoundTrip(rule.Max)}]");
        }

        return start;
    }

    private static void WriteJson(TerminalWriter output, LevelDefinition level, Choice choice, RunResult r)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, JsonNumbers.WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("level", level.Id);
            w.WriteString("levelSha256", level.Sha256);
            JsonNumbers.Write(w, "alpha", choice.Alpha);
            JsonNumbers.Write(w, "beta0", choice.Beta0);
            JsonNumbers.Write(w, "beta1", choice.Beta1);
            w.WriteString("outcome", OutcomeNames.Name(r.Outcome));
            w.WriteNumber("steps", r.Steps);
            w.WriteNumber("bounces", r.Bounces);
            JsonNumbers.Write(w, "finalBeta0", r.FinalBeta0);
            JsonNumbers.Write(w, "finalBeta1", r.FinalBeta1);
            JsonNumbers.Write(w, "finalCost", r.FinalCost);
            JsonNumbers.Write(w, "minimumCost", level.Level.Valley.MinimumCost);
            JsonNumbers.Write(w, "gap", r.Gap);
            w.WriteNumber("score", r.Score);
            w.WriteNumber("stars", r.Stars);
            w.WriteNumber("par", level.Level.Rules.Par);
            w.WriteNumber("budget", level.Level.Rules.Budget);
            w.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void WriteText(TerminalWriter output, LevelDefinition level, Choice choice, RunResult r)
    {
        var rules = level.Level.Rules;
        var valley = level.Level.Valley;
        Func<double, string> n = DoubleText.RoundTrip;
        output.WriteLine($"{level.Title} ({level.Id}): {CostNames.Name(rules.Cost)}, budget {rules.Budget} steps, par {rules.Par}, goal gap ≤ {n(rules.Tolerance)}");
        output.WriteLine($"choice: α = {n(choice.Alpha)}, start β0 = {n(choice.Beta0)}, β1 = {n(choice.Beta1)}");
        var verdict = r.Outcome switch
        {
            Outcome.Reached => $"reached the valley in {Lesson.Count(r.Steps, "step")}",
            Outcome.Diverged => $"diverged at step {r.Steps}: the dot flew off",
            _ => $"out of steps after {r.Steps}: the dot did not reach the valley",
        };
        output.WriteLine($"{verdict}, {Lesson.Count(r.Bounces, "bounce")}; score {r.Score}, stars {new string('*', r.Stars)}{new string('.', 3 - r.Stars)} ({r.Stars}/3)");
        output.WriteLine($"final: β0 = {n(r.FinalBeta0)}, β1 = {n(r.FinalBeta1)}, J = {n(r.FinalCost)}; valley floor J* = {n(valley.MinimumCost)} at β0 = {n(valley.Beta0Star)}, β1 = {n(valley.Beta1Star)}; gap {n(r.Gap)}");
    }

    private static string T(double value) => DoubleText.RoundTrip(value);

    /// <summary>Streams the CSV trace: β_k, J(β_k) and the gradient at β_k for k = 0 … steps.</summary>
    private sealed class TraceWriter : IRunObserver
    {
        private readonly TerminalWriter output;
        private readonly Valley valley;

        public TraceWriter(TerminalWriter output, Valley valley)
        {
            this.output = output;
            this.valley = valley;
            output.WriteLine("step,beta0,beta1,cost,grad0,grad1");
        }

        public void OnState(in RunState state)
        {
            var (g0, g1) = valley.Gradient(state.Beta0, state.Beta1);
            output.WriteLine($"{state.Step.ToString(CultureInfo.InvariantCulture)},{T(state.Beta0)},{T(state.Beta1)},{T(state.Cost)},{T(g0)},{T(g1)}");
        }
    }
}
