using LittleRedDot.Content.Lessons;
using LittleRedDot.Content;
using LittleRedDot.Engine;
using LittleRedDot.Tui.Plotting;
using LittleRedDot.Tui.Presentation;
using LittleRedDot.Tui.Theming;

namespace LittleRedDot.Tui.Views;

/// <summary>The level screen's panels: each turns what the session holds into the lines it draws.</summary>
public sealed partial class LevelScreen
{
    private PictureInput Picture()
    {
        var frame = session.Current;
        var playback = session.Phase == SessionPhase.Setup ? null : session.Playback;
        return new PictureInput(
            frame.Beta0,
            frame.Beta1,
            session.Start0,
            session.Start1,
            playback?.Frames,
            playback?.Index ?? 0,
            session.ShowGhost ? session.Ghost : null);
    }

    private IReadOnlyList<StyledLine> HeaderLines(int width)
    {
        var right = services.Player is { } p ? $"player {p} " : string.Empty;
        var workshop = session.Workshop ? "  (workshop)" : string.Empty;

        // The level's title and "(workshop)" carry meaning; the pack's title gives way to them, cut with an ellipsis on purpose.
        StyledLine Left(string pack) => new StyledLine(" ").Add(theme.Glyphs.Dot.ToString(), Ink.Dot).Add(" The Little Red Dot", Ink.Title)
            .Add("  ·  ", Ink.Dim).Add(pack, Ink.Dim).Add(" › ", Ink.Dim).Add(session.Definition.Title, Ink.Title).Add(workshop, Ink.Warn);
        var left = Left(packTitle);
        if (left.Length + right.Length > width)
        {
            var room = packTitle.Length - (left.Length + right.Length - width);
            left = Left(Plotting.CellCanvas.Fit(packTitle, Math.Max(1, room), theme.Glyphs.Ellipsis));
        }

        var gap = width - left.Length - right.Length;
        if (gap > 0)
        {
            left.Add(new string(' ', gap)).Add(right, Ink.Dim);
        }

        return [left];
    }

    private IReadOnlyList<StyledLine> ControlLines(int width)
    {
        var rules = session.Rules;
        var map = valleyPicture.IsMap;
        var lines = new List<StyledLine>
        {
            ValueLine("α", session.Alpha, rules.AlphaMin, rules.AlphaMax, "+/-", "A", EditTarget.Alpha),
        };
        var (keys0, keys1) = map ? ("←/→", "↓/↑") : ("←/→", "←/→");
        if (!theme.Glyphs.Unicode)
        {
            (keys0, keys1) = map ? ("Lt/Rt", "Dn/Up") : ("Lt/Rt", "Lt/Rt");
        }

        var moves0 = LevelSession.StartMoves(rules.Beta0);
        lines.Add(moves0
            ? ValueLine("β0", session.Start0, rules.Beta0.Min, rules.Beta0.Max, keys0, "B", EditTarget.Start0)
            : FixedLine("β0", session.Start0, rules.Beta0.IsFree));
        lines.Add(LevelSession.StartMoves(rules.Beta1)
            ? ValueLine("β1", session.Start1, rules.Beta1.Min, rules.Beta1.Max, keys1, moves0 ? "Tab" : "B", EditTarget.Start1)
            : FixedLine("β1", session.Start1, rules.Beta1.IsFree));
        var last = new StyledLine();
        if (editing != EditTarget.None)
        {
            last.Key(Enter, "keep").Key("Tab", "next").Key("Esc", "cancel"); // Enter, not ⏎: an ASCII terminal shows "?" for ⏎
        }
        else if (session.Phase == SessionPhase.Running)
        {
            last.Key("Space", session.Paused ? "resume" : "pause").Key("S", "step").Key("End", "skip");
        }
        else
        {
            // H only where there are hints to show: a workshop pack hides them (issue 6).
            StyledLine Choosing(string again)
            {
                var line = new StyledLine().Key(Enter, session.Phase == SessionPhase.Finished ? again : "launch").Key("T", "story");
                return (session.HasHints ? line.Key("H", "hint") : line).Key("L", "learn");
            }

            // ASCII spells ⏎ as "Enter": at 80 columns "try again" would push "L learn" off the panel.
            last = Choosing("try again");
            if (last.Length > width)
            {
                last = Choosing("again");
            }
        }

        lines.Add(last);
        if (controls.Frame.Height >= 8)
        {
            lines.Insert(3, new StyledLine());
            lines.Insert(4, new StyledLine($"cost {CostNames.Name(rules.Cost)} · budget {rules.Budget} · par {rules.Par} · goal gap ≤ {NumberText.Short(rules.Tolerance)}", Ink.Dim));
        }

        return lines;

        StyledLine ValueLine(string name, double value, double min, double max, string stepKeys, string typeKey, EditTarget target)
        {
            // While a value is typed the edit box covers the value's column and a few cells more (EditBoxWidth): the range
            // moves right of it, so "in [min, max]" stays in view, and the step keys, which do nothing while typing, give way.
            var typing = editing == target;
            var line = new StyledLine(name.PadRight(5), typing ? Ink.Key : Ink.Title)
                .Add(typing ? new string(' ', EditBoxWidth + 1) : NumberText.Short(value, 6).PadRight(11), Ink.Normal)
                .Add($"in [{NumberText.Short(min)}, {NumberText.Short(max)}]", Ink.Dim);
            if (typing)
            {
                return line;
            }

            var pad = Math.Max(1, width - line.Length - stepKeys.Length - typeKey.Length - 2);
            return line.Add(new string(' ', pad)).Add(stepKeys, Ink.Key).Add(" ").Add(typeKey, Ink.Key);
        }

        // A free parameter whose start range is one value starts there and moves as the dot rolls; a fixed one never moves.
        static StyledLine FixedLine(string name, double value, bool free) =>
            new StyledLine(name.PadRight(5), Ink.Title).Add(NumberText.Short(value, 6).PadRight(11)).Add(free ? "start set by the level" : "fixed in this level", Ink.Dim);
    }

    private string Enter => theme.Glyphs.Unicode ? "⏎" : "Enter";

    private IReadOnlyList<StyledLine> LiveLines(int width)
    {
        var rules = session.Rules;
        var frame = session.Current;
        var (g0, g1) = session.Level.Valley.Gradient(frame.Beta0, frame.Beta1);
        var state = session.Phase switch
        {
            SessionPhase.Running when session.Paused => new StyledLine("paused", Ink.Warn),
            SessionPhase.Running => new StyledLine($"{(theme.Glyphs.Unicode ? "▶" : ">")} {NumberText.Short(session.StepsPerSecond)}/s", Ink.Good),
            SessionPhase.Finished => new StyledLine("done", Ink.Dim),
            _ => new StyledLine("ready", Ink.Dim),
        };
        var step = new StyledLine("step ", Ink.Dim).Add($"{frame.Step}", Ink.Title).Add($"/{rules.Budget} · par {rules.Par} · ", Ink.Dim);
        foreach (var s in state.Segments)
        {
            step.Add(s.Text, s.Ink);
        }

        // J always shows (issue 11): as the gap shrinks to 1e-12 its digits give way first, then J's, never J itself.
        var inGoal = frame.Gap <= rules.Tolerance;
        StyledLine Cost(int digits) => new StyledLine("J ", Ink.Dim).Add(NumberText.Short(frame.Cost, digits), Ink.Normal)
            .Add(" · gap ", Ink.Dim).Add(NumberText.Short(frame.Gap, digits), inGoal ? Ink.Good : Ink.Normal)
            .Add($" (goal {NumberText.Short(rules.Tolerance)})", Ink.Dim);
        var cost = Cost(4);
        for (var digits = 3; cost.Length > width && digits >= 2; digits--)
        {
            cost = Cost(digits);
        }

        var gradient = new StyledLine();
        if (rules.Beta0.IsFree)
        {
            gradient.Add("∂J/∂β0 ", Ink.Dim).Add(NumberText.Short(g0) + "  ");
        }

        if (rules.Beta1.IsFree)
        {
            gradient.Add("∂J/∂β1 ", Ink.Dim).Add(NumberText.Short(g1));
        }

        if (gradient.Length > width)
        {
            // Two long numbers (1e-12 near the floor) overflow the panel: the gradient as one vector keeps both whole.
            gradient = new StyledLine("∇J ", Ink.Dim).Add($"({NumberText.Short(g0)}, {NumberText.Short(g1)})");
        }

        live.PanelTitle = session.Best switch
        {
            { Result.Outcome: Outcome.Reached } b => $"The run · best {Stars(b.Result.Stars)} {b.Result.Score}",
            not null => "The run · best: not reached yet",
            _ => "The run",
        };
        var bounces = CounterLine(frame, width);
        var lines = new List<StyledLine> { step, cost, gradient, bounces };
        var rows = live.Frame.Height - 2;
        if (rows >= 6)
        {
            if (rows >= 7)
            {
                lines.Add(new StyledLine());
            }

            lines.Add(new StyledLine($"speed {NumberText.Short(session.StepsPerSecond)} steps/s (< > while it runs)", Ink.Dim));
            var ghost = session.GhostLabel is not { } label ? "ghost: none yet (O opens a run file)"
                : session.ShowGhost ? $"ghost: {label} (G hides, O opens a file)" : $"ghost: {label}, hidden (G shows)";
            lines.Add(new StyledLine(ghost, Ink.Dim));
        }

        return lines;
    }

    /// <summary>
    /// The run's counters under the names the lesson uses (issue 11: no sentence may contradict a counter): bounces
    /// (RULES.md §3), and with two free parameters the floor crossings across the valley (λmax) and along it (λmin).
    /// </summary>
    private StyledLine CounterLine(TraceFrame frame, int width)
    {
        StyledLine Bounces() => new StyledLine("bounces ", Ink.Dim).Add(NumberText.Whole(frame.Bounces), frame.Bounces > 0 ? Ink.Warn : Ink.Normal);
        if (!valleyPicture.IsMap)
        {
            return Bounces();
        }

        StyledLine Crossings(string head, string middle) => Bounces().Add(head, Ink.Dim).Add(NumberText.Whole(frame.CrossedAcross))
            .Add(middle, Ink.Dim).Add(NumberText.Whole(frame.CrossedAlong));
        var line = Crossings(" · crossed the floor across ", ", along ");
        return line.Length <= width ? line : Crossings(" · crossed across ", ", along ") is { } shorter && shorter.Length <= width ? shorter
            : Crossings(", across ", ", along ");
    }

    private IReadOnlyList<StyledLine> OutcomeLines(int width)
    {
        if (session.Playback is not { } playback)
        {
            return [];
        }

        var result = playback.Result;
        var rules = session.Rules;
        var ink = result.Outcome switch
        {
            Outcome.Reached => Ink.Good,
            Outcome.Diverged => Ink.Bad,
            _ => Ink.Warn,
        };
        var lines = new List<StyledLine>();
        lines.AddRange(Wrapped(session.OutcomeHeadline(result), ink, width));
        var stars = new StyledLine(Stars(result.Stars), Ink.Star).Add($"  score {result.Score}", Ink.Title).Add($" · par {rules.Par}", Ink.Dim);
        var bounces = $" · {Lesson.Count(result.Bounces, "bounce")}";
        lines.Add(stars.Length + bounces.Length <= width ? stars.Add(bounces, Ink.Dim) : stars);
        lines.Add(new StyledLine());
        if (session.Verdict is { } verdict)
        {
            lines.AddRange(Wrapped(verdict.Why, verdict.Held ? Ink.Good : Ink.Warn, width));
        }

        // A verdict that names crossings comes before the lesson: the note on why the bounce counter is lower follows the
        // first one, on the panel's first page beside the counter it seems to contradict, and is not said twice.
        var note = session.WayVerdicts.Count > 0 ? session.Lesson?.BounceNote : null;
        foreach (var way in session.WayVerdicts)
        {
            lines.AddRange(Wrapped(way.Why, way.Held ? Ink.Good : Ink.Warn, width));
            if (note is not null && way == session.WayVerdicts[0])
            {
                lines.AddRange(Wrapped(note, Ink.Normal, width));
            }
        }

        lines.AddRange(Wrapped(note is null ? session.Lesson?.Text : session.Lesson!.TextWithoutBounceNote, Ink.Normal, width));
        var keys = new StyledLine().Key(Enter, "try again").Key("N", "next level").Key("Esc", "levels");
        if (outcome.Frame.Height - 2 >= lines.Count + 2 && keys.Length <= width)
        {
            lines.Add(new StyledLine());
            lines.Add(keys);
        }

        // A long lesson (two dials, a narrow valley) runs past the panel at 80×24: the title says PgDn reads on.
        var rows = outcome.Frame.Height - 2;
        outcome.PanelTitle = lines.Count - outcome.Scroll > rows ? "How it went (PgDn more)"
            : outcome.Scroll > 0 ? "How it went (PgUp back)"
            : "How it went";
        return lines;
    }

    private static IReadOnlyList<StyledLine> Wrapped(string? text, Ink ink, int width) =>
        string.IsNullOrEmpty(text) ? [] : RichText.Plain(text, ink).Lines(width);

    /// <summary>
    /// The Learn sheet at the step shown; once a run is over, at the last step it took (the state before the end, whose
    /// update lands on the end), not at an update from the end that never happened.
    /// </summary>
    private IReadOnlyList<StyledLine> LearnLines(int width)
    {
        var frame = session.Current;
        var alpha = session.Alpha;
        if (session.Phase == SessionPhase.Finished && session.Playback is { Frames: { Count: > 1 } frames } && session.LastRun is { } run)
        {
            frame = frames[^2];
            alpha = run.Choice.Alpha;
        }

        return LearnSheet.Lines(session.Level, alpha, frame, width, session.Workshop).Select(l => new StyledLine(l)).ToArray();
    }

    /// <summary>
    /// The Learn panel's picture of why (page 2): one step from the start before a run, from the dot while it runs, and the
    /// run's first step once it is over — at the α that step uses.
    /// </summary>
    private void RenderWhy(CellCanvas canvas, int width, int height)
    {
        const string title = "Learn 2/2: why α (L closes)";
        if (session.Phase == SessionPhase.Setup || session.LastRun is not { } run)
        {
            whyPicture.Render(canvas, width, height, title, "One step from your start", session.Alpha, session.Start0, session.Start1);
            return;
        }

        var (b0, b1, when) = session.Phase == SessionPhase.Running
            ? (session.Current.Beta0, session.Current.Beta1, "The next step from here")
            : (run.Choice.Beta0, run.Choice.Beta1, "The run's first step");
        whyPicture.Render(canvas, width, height, title, when, run.Choice.Alpha, b0, b1);
    }

    private IReadOnlyList<StyledLine> MessageLines(int width)
    {
        if (MessageText(width) is { Count: > 0 } message)
        {
            return [.. message.Select(line => new StyledLine(" " + line, session.MessageIsWarning ? Ink.Warn : Ink.Good))];
        }

        if (editing != EditTarget.None)
        {
            var name = editing switch
            {
                EditTarget.Alpha => "α",
                EditTarget.Start0 => "the start β0",
                _ => "the start β1",
            };
            return [new StyledLine($" Type {name} , then Enter; a value out of range goes to its nearest end.", Ink.Key)];
        }

        if (notices.Count > 0)
        {
            return [new StyledLine(" " + notices[^1], Ink.Warn)];
        }

        return session.Phase == SessionPhase.Setup && (session.AsksPrediction || session.HasPrediction) ? [PredictionLine(width)] : [];
    }

    /// <summary>
    /// Predict first (issue 11): what the player says the next run will do — per direction where both β0 and β1 move —
    /// the keys that change it, and, where the row has room, how their predictions here fared.
    /// </summary>
    private StyledLine PredictionLine(int width)
    {
        StyledLine line;
        string score;
        if (session.PredictsPerWay)
        {
            // Each key stands before the way it changes: " Predict  P across: glides  V along: none yet".
            line = new StyledLine(" Predict", Ink.Title);
            foreach (var way in Enum.GetValues<Way>())
            {
                var guess = session.Guess(way);
                line.Add("  ").Add(way == Way.Across ? "P" : "V", Ink.Key).Add($" {WayVerdict.Name(way)}: ", Ink.Dim)
                    .Add(guess is { } g ? WayVerdict.Short(g) : "none yet", guess is null ? Ink.Warn : Ink.Normal);
            }

            var (across, along) = (session.PredictionScore(Way.Across), session.PredictionScore(Way.Along));
            score = across.Made + along.Made > 0 ? $" · {across.Right}/{across.Made}, {along.Right}/{along.Made} right" : string.Empty;
        }
        else
        {
            line = new StyledLine(" Your prediction: ", Ink.Title)
                .Add(session.Prediction is { } p ? PredictionVerdict.Words(p) : "none yet", session.Prediction is null ? Ink.Warn : Ink.Normal)
                .Add("  ").Key("P", "changes it");
            var (right, made) = session.PredictionScore();
            score = made > 0 ? $"  · {right}/{made} right on this level" : string.Empty;
        }

        return line.Length + score.Length <= width ? line.Add(score, Ink.Dim) : line;
    }

    private IReadOnlyList<StyledLine> KeyLines(int width)
    {
        var line = new StyledLine(" ");
        var arrows = theme.Glyphs.Unicode ? "←→↑↓" : "arrows";
        switch (session.Phase)
        {
            case SessionPhase.Running:
                line.Key("Space", session.Paused ? "resume" : "pause").Key("S", "step").Key("End", "skip").Key("<>", "speed").Key("L", "learn").Key("Esc", "levels");
                break;
            case SessionPhase.Finished:
                line.Key(Enter, "try again").Key("N", "next").Key("+/-", "α");
                if (!session.StartIsSet)
                {
                    line.Key(arrows, "start");
                }

                line.Key("L", "learn").Key("F1", "help").Key("Esc", "levels");
                break;
            default:
                // The fullest line that fits. The choice panel shows A and B on their rows already, so they go first;
                // then G and O share one name; Esc, which F1 and the outcome panel also name, goes last (a newcomer
                // looks for the way back to the levels here). P predict has no other place before a run in most packs.
                (bool TypeKeys, bool GhostKeysTogether, bool Escape)[] fuller =
                    [(true, false, true), (false, false, true), (false, true, true), (false, true, false)];
                foreach (var (typeKeys, together, escape) in fuller)
                {
                    line = ChoosingKeys(arrows, typeKeys, together, escape);
                    if (line.Length <= width)
                    {
                        break;
                    }
                }

                break;
        }

        return [line];
    }

    private StyledLine ChoosingKeys(string arrows, bool typeKeys, bool ghostKeysTogether, bool escape)
    {
        var line = new StyledLine(" ").Key(Enter, "launch").Key(session.PredictsPerWay ? "P/V" : "P", "predict").Key("+/-", "α");
        if (!session.StartIsSet)
        {
            line.Key(arrows, "start");
        }

        if (typeKeys)
        {
            line.Key(session.StartIsSet ? "A" : "A/B", "type");
        }

        (ghostKeysTogether ? line.Key("G/O", "ghost") : line.Key("G", "ghost").Key("O", "open ghost")).Key("F1", "help");
        return escape ? line.Key("Esc", "levels") : line;
    }

    private string Stars(int stars) =>
        new string(theme.Glyphs.StarFull, stars) + new string(theme.Glyphs.StarEmpty, 3 - stars);
}
