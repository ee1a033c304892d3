using LittleRedDot.Engine;
using LittleRedDot.Tui.Presentation;
using Terminal.Gui.Input;

namespace LittleRedDot.Tui.Views;

/// <summary>
/// The level screen's keys, as Terminal.Gui's own views take theirs: each key is bound to a command and
/// each command to what it does. A command that does not apply in the current phase (or while a value is
/// being typed) declines, and the key goes on to the window as an unbound key would.
/// </summary>
public sealed partial class LevelScreen
{
    /// <summary>Whether a command applies while choosing, while the run plays, or in any phase.</summary>
    private enum When
    {
        Choosing,
        Running,
        Always,
    }

    /// <summary>
    /// The screen's own verbs. Terminal.Gui's <see cref="Command"/> names the generic ones (cancel, move,
    /// zoom, edit, open, toggle); its members have frozen numbers appended in order, so the game's verbs take
    /// numbers far past them.
    /// </summary>
    private static class GameCommand
    {
        public const Command Launch = (Command)999;
        public const Command TypeStart = (Command)1000;
        public const Command NextLevel = (Command)1001;
        public const Command StepOnce = (Command)1002;
        public const Command Hint = (Command)1003;
        public const Command Story = (Command)1004;
        public const Command Learn = (Command)1005;
        public const Command Ghost = (Command)1006;
        public const Command Predict = (Command)1007;
        public const Command PredictAlong = (Command)1008;
    }

    private void SetupCommands()
    {
        AddCommand(GameCommand.Launch, () => Handle(When.Always, LaunchOrAgain));
        AddCommand(Command.Toggle, () => Handle(When.Always, TogglePause));
        AddCommand(Command.Cancel, Cancel);
        AddCommand(Command.NextTabStop, () => NextField(1));
        AddCommand(Command.PreviousTabStop, () => NextField(-1));

        AddCommand(Command.Left, () => Handle(When.Choosing, () => MoveStart(-1, 0, 1)));
        AddCommand(Command.Right, () => Handle(When.Choosing, () => MoveStart(1, 0, 1)));
        AddCommand(Command.Down, () => Handle(When.Choosing, () => MoveStart(0, -1, 1)));
        AddCommand(Command.Up, () => Handle(When.Choosing, () => MoveStart(0, 1, 1)));
        AddCommand(Command.LeftExtend, () => Handle(When.Choosing, () => MoveStart(-1, 0, 5)));
        AddCommand(Command.RightExtend, () => Handle(When.Choosing, () => MoveStart(1, 0, 5)));
        AddCommand(Command.DownExtend, () => Handle(When.Choosing, () => MoveStart(0, -1, 5)));
        AddCommand(Command.UpExtend, () => Handle(When.Choosing, () => MoveStart(0, 1, 5)));
        AddCommand(Command.ZoomIn, () => Handle(When.Always, () => More(1)));
        AddCommand(Command.ZoomOut, () => Handle(When.Always, () => More(-1)));
        AddCommand(Command.Edit, () => Handle(When.Choosing, Handled(() => StartEdit(EditTarget.Alpha))));
        AddCommand(GameCommand.TypeStart, () => Handle(When.Choosing, Handled(TypeStart)));
        AddCommand(Command.Open, () => Handle(When.Choosing, Handled(AskGhostFile)));
        AddCommand(GameCommand.NextLevel, () => Handle(When.Choosing, NextLevel));
        AddCommand(GameCommand.Predict, () => Handle(When.Choosing, Handled(session.CyclePrediction)));
        AddCommand(GameCommand.PredictAlong, () => Handle(When.Choosing, () => session.CycleAlongPrediction()));

        AddCommand(Command.End, () => Handle(When.Running, Handled(session.SkipToEnd)));
        AddCommand(GameCommand.StepOnce, () => Handle(When.Running, Handled(session.StepOnce)));

        AddCommand(Command.PageUp, () => Handle(When.Always, () => ScrollPanel(-1)));
        AddCommand(Command.PageDown, () => Handle(When.Always, () => ScrollPanel(1)));
        AddCommand(GameCommand.Hint, () => Handle(When.Always, Handled(ShowHint)));
        AddCommand(GameCommand.Story, () => Handle(When.Always, Handled(ShowStory)));
        AddCommand(GameCommand.Learn, () => Handle(When.Always, Handled(ToggleLearn)));
        AddCommand(GameCommand.Ghost, () => Handle(When.Always, Handled(session.ToggleGhost)));

        KeyBindings.ReplaceCommands(Key.Enter, GameCommand.Launch);
        KeyBindings.ReplaceCommands(Key.Space, Command.Toggle);
        KeyBindings.Add(Key.Esc, Command.Cancel);
        KeyBindings.Add(Key.Tab, Command.NextTabStop);
        KeyBindings.Add(Key.Tab.WithShift, Command.PreviousTabStop);
        KeyBindings.Add(Key.CursorLeft, Command.Left);
        KeyBindings.Add(Key.CursorRight, Command.Right);
        KeyBindings.Add(Key.CursorDown, Command.Down);
        KeyBindings.Add(Key.CursorUp, Command.Up);
        KeyBindings.Add(Key.CursorLeft.WithShift, Command.LeftExtend);
        KeyBindings.Add(Key.CursorRight.WithShift, Command.RightExtend);
        KeyBindings.Add(Key.CursorDown.WithShift, Command.DownExtend);
        KeyBindings.Add(Key.CursorUp.WithShift, Command.UpExtend);
        KeyBindings.Add(Key.End, Command.End);
        KeyBindings.Add(Key.PageUp, Command.PageUp);
        KeyBindings.Add(Key.PageDown, Command.PageDown);
        BindCharacters("+=]>", Command.ZoomIn);
        BindCharacters("-_[<,", Command.ZoomOut);
        BindCharacters("a", Command.Edit);
        BindCharacters("b", GameCommand.TypeStart);
        BindCharacters("o", Command.Open);
        BindCharacters("n", GameCommand.NextLevel);
        BindCharacters("s.", GameCommand.StepOnce);
        BindCharacters("h", GameCommand.Hint);
        BindCharacters("t", GameCommand.Story);
        BindCharacters("l", GameCommand.Learn);
        BindCharacters("g", GameCommand.Ghost);
        BindCharacters("p", GameCommand.Predict);
        BindCharacters("v", GameCommand.PredictAlong);
    }

    /// <summary>Binds each character typed with or without Shift (A and a, + on either layout) to a command.</summary>
    private void BindCharacters(string characters, Command command)
    {
        foreach (var c in characters)
        {
            var key = new Key(c);
            KeyBindings.Add(key, command);
            if (!KeyBindings.TryGet(key.WithShift, out _))
            {
                KeyBindings.Add(key.WithShift, command);
            }
        }
    }

    /// <summary>
    /// Runs a command where it applies: never while a value is being typed (the edit box has the keys), and
    /// only in its phase. A command that acted takes the services' notices and redraws the screen.
    /// </summary>
    private bool? Handle(When when, Func<bool?> act)
    {
        var running = session.Phase == SessionPhase.Running;
        if (editing != EditTarget.None || (when == When.Choosing && running) || (when == When.Running && !running))
        {
            return false;
        }

        var handled = act();
        if (handled is true)
        {
            notices.AddRange(services.TakeNotices());
            Refresh();
        }

        return handled;
    }

    private static Func<bool?> Handled(Action act) => () =>
    {
        act();
        return true;
    };

    /// <summary>Enter: launch, or try again once a run is over; while the run plays, Enter does what it does on any view.</summary>
    private bool? LaunchOrAgain()
    {
        switch (session.Phase)
        {
            case SessionPhase.Running:
                return InvokeCommand(Command.Accept);
            case SessionPhase.Finished:
                session.TryAgain();
                return true;
            default:
                Launch();
                return true;
        }
    }

    /// <summary>Space: pause or resume the run; before a run, Space does what it does on any view.</summary>
    private bool? TogglePause()
    {
        if (session.Phase != SessionPhase.Running)
        {
            return InvokeCommand(Command.Activate);
        }

        session.TogglePause();
        return true;
    }

    /// <summary>Esc: stop typing a value, or go back to the level list.</summary>
    private bool? Cancel()
    {
        if (editing == EditTarget.None)
        {
            return Handle(When.Always, Handled(host.BackToChooser));
        }

        EndEdit();
        return true;
    }

    /// <summary>Tab and Shift+Tab while typing: keep the value and type the next (or previous) one; otherwise not this screen's.</summary>
    private bool? NextField(int direction)
    {
        if (editing == EditTarget.None)
        {
            return false;
        }

        CommitEdit(NextTarget(editing, direction));
        return true;
    }

    /// <summary>
    /// Arrows move the start: left/right along the parameter the level frees first, up/down along β1 — or, on
    /// a map of two free parameters, left/right along β0 and up/down along β1. Shift moves five steps.
    /// </summary>
    private bool? MoveStart(int across, int up, int steps)
    {
        var map = valleyPicture.IsMap;
        var free0 = session.Rules.Beta0.IsFree;
        if (across != 0)
        {
            var d = across * steps;
            session.MoveStart(free0 ? d : 0, free0 && map ? 0 : d);
        }
        else
        {
            var d = up * steps;
            session.MoveStart(map ? 0 : free0 ? d : 0, map || !free0 ? d : 0);
        }

        return true;
    }

    /// <summary>+ and -: α up or down the ladder while choosing; the animation faster or slower while it plays.</summary>
    private bool? More(int direction)
    {
        if (session.Phase != SessionPhase.Running)
        {
            if (direction > 0)
            {
                session.AlphaUp();
            }
            else
            {
                session.AlphaDown();
            }

            return true;
        }

        if (direction > 0)
        {
            session.Faster();
        }
        else
        {
            session.Slower();
        }

        RestartTimer();
        return true;
    }

    /// <summary>N once a run is over: the next level of the pack.</summary>
    private bool? NextLevel()
    {
        if (session.Phase != SessionPhase.Finished)
        {
            return false;
        }

        host.OpenNextLevel();
        return true;
    }

    private void TypeStart()
    {
        if (session.MayChooseStart())
        {
            StartEdit(LevelSession.StartMoves(session.Rules.Beta0) ? EditTarget.Start0 : EditTarget.Start1);
        }
    }

    /// <summary>PgUp/PgDn scroll the Learn panel, or the outcome when that shows; with neither, the key is not this screen's.</summary>
    private bool? ScrollPanel(int direction)
    {
        if ((LearnPage == 1 ? learn : outcome.Visible ? outcome : null) is not { } panel)
        {
            return false;
        }

        var page = Math.Max(1, panel.Frame.Height - 3);
        panel.Scroll = Math.Clamp(panel.Scroll + (direction * page), 0, Math.Max(0, panel.LineCount - 1));
        return true;
    }

    private void ShowHint()
    {
        var hint = session.NextHint(out var number, out var count);
        host.ShowText(number > 0 ? $"Hint {number} of {count}" : "Hints", MarkdownText.Parse(hint, theme.Glyphs.Unicode));
    }

    private void ToggleLearn()
    {
        LearnPage = (LearnPage + 1) % 3;
        UpdateVisibility();
    }

    /// <summary>Asks for a run file to show as the ghost (O); a file that does not verify on this level is refused, with why.</summary>
    private void AskGhostFile()
    {
        host.Ask(
            "Ghost from a run file",
            "The path of a saved run (*.run.json) played on this level — yours, a friend's, one from the runs folder. Its path is drawn faintly beside yours:",
            null,
            path =>
            {
                var problem = session.OpenGhost(path);
                Refresh();
                return problem;
            });
    }

    private void StartEdit(EditTarget target)
    {
        session.ClearMessage();
        editing = target;
        editBox.Text = target switch
        {
            EditTarget.Alpha => DoubleText.RoundTrip(session.Alpha),
            EditTarget.Start0 => DoubleText.RoundTrip(session.Start0),
            _ => DoubleText.RoundTrip(session.Start1),
        };
        editBox.Visible = true;
        editBox.CanFocus = true;
        editBox.SetFocus();
        editBox.SelectAll();
        SetNeedsLayout();
        Refresh();
    }

    private void CommitEdit(EditTarget next)
    {
        var text = editBox.Text ?? string.Empty;
        var ok = editing switch
        {
            EditTarget.Alpha => session.SetAlpha(text),
            EditTarget.Start0 => session.SetStart(StartParameter.Beta0, text),
            EditTarget.Start1 => session.SetStart(StartParameter.Beta1, text),
            _ => true,
        };
        if (!ok)
        {
            Refresh();
            return;
        }

        EndEdit();
        if (next != EditTarget.None)
        {
            StartEdit(next);
        }
    }

    private void EndEdit()
    {
        editing = EditTarget.None;
        editBox.Visible = false;
        editBox.CanFocus = false;
        SetFocus();
        Refresh();
    }

    private EditTarget NextTarget(EditTarget from, int direction)
    {
        var order = new List<EditTarget> { EditTarget.Alpha };
        if (LevelSession.StartMoves(session.Rules.Beta0))
        {
            order.Add(EditTarget.Start0);
        }

        if (LevelSession.StartMoves(session.Rules.Beta1))
        {
            order.Add(EditTarget.Start1);
        }

        var i = order.IndexOf(from);
        return order[(i + direction + order.Count) % order.Count];
    }

    private static int FieldRow(EditTarget target) => target switch
    {
        EditTarget.Alpha => 0,
        EditTarget.Start0 => 1,
        _ => 2,
    };

    private void OnValleyMouse(object? sender, Mouse mouse)
    {
        if (session.Phase == SessionPhase.Running || editing != EditTarget.None || !mouse.Flags.HasFlag(MouseFlags.LeftButtonClicked) || mouse.Position is not { } at)
        {
            return;
        }

        if (valleyPicture.ValuesAt(at.X, at.Y) is { } values)
        {
            session.PlaceStart(values.Beta0, values.Beta1);
            mouse.Handled = true;
            Refresh();
        }
    }
}
