using System.IO.Abstractions;
using LittleRedDot.Content;
using LittleRedDot.Content.Progress;
using LittleRedDot.Tui.Presentation;
using LittleRedDot.Tui.Theming;
using LittleRedDot.Tui.Views;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;
using Terminal.Gui.Time;

namespace LittleRedDot.Tui.Tests;

/// <summary>
/// The game on an application instance with the headless ANSI driver, a virtual clock, injected keys and
/// the driver's screen text — as Terminal.Gui's own tests drive views.
/// </summary>
public sealed class GameHarness : IDisposable
{
    public GameHarness(TestLevels levels, int width = 80, int height = 24, string? player = "ada", TerminalTraits? traits = null, string? levelId = null, string? runsFolder = null, RecordingLogs? logs = null, HttpMessageHandler? room = null, string? roomAddress = null)
    {
        ArgumentNullException.ThrowIfNull(levels);
        Levels = levels;
        var fileSystem = new FileSystem();
        Clock = new FixedClock(new DateTimeOffset(2026, 11, 26, 10, 15, 0, TimeSpan.Zero));
        RoomHttp = room is null ? null : new HttpClient(room, disposeHandler: false);
        Services = new GameServices(fileSystem, Clock, new SettingsStore(fileSystem, levels.SettingsFile, Clock), levels.Data, player, runsFolder, logs, roomAddress, RoomHttp);
        var library = new LevelLibrary(fileSystem, levels.Levels);
        Model = new ChooserModel(library.Loader, library.Catalog.Packs(), Services);
        Theme = new Theme(traits ?? new TerminalTraits(Color: true, Unicode: true));
        Time = new VirtualTimeProvider();
        App = Application.Create(Time);
        App.Init(DriverRegistry.Names.ANSI);
        App.Driver!.SetScreenSize(width, height);
        GameApp.ConfigureKeys(App);
        Window = new GameApp(Theme, Services, Model).CreateWindow();
        App.Begin(Window);
        Window.Start(levelId);
        App.LayoutAndDraw();
    }

    public TestLevels Levels { get; }

    /// <summary>The client to the fake room, when the game has one.</summary>
    public HttpClient? RoomHttp { get; }

    public FixedClock Clock { get; }

    public GameServices Services { get; }

    public ChooserModel Model { get; }

    public Theme Theme { get; }

    public VirtualTimeProvider Time { get; }

    public IApplication App { get; }

    public GameWindow Window { get; }

    public LevelScreen Level => Window.Level ?? throw new InvalidOperationException("no level is open");

    public GameHarness Press(params Key[] keys)
    {
        foreach (var key in keys)
        {
            App.InjectKey(key);
        }

        return this;
    }

    public GameHarness Type(string text)
    {
        foreach (var c in text)
        {
            App.InjectKey(new Key(c));
        }

        return this;
    }

    /// <summary>Lets virtual time pass, one timer tick at a time.</summary>
    public GameHarness Wait(TimeSpan span, TimeSpan? tick = null)
    {
        var step = tick ?? TimeSpan.FromMilliseconds(10);
        for (var t = TimeSpan.Zero; t < span; t += step)
        {
            Time.Advance(step);
            App.TimedEvents!.RunTimers();
        }

        return this;
    }

    public string Screen()
    {
        App.LayoutAndDraw();
        return App.Driver!.ToString() ?? string.Empty;
    }

    /// <summary>The attribute the screen shows <paramref name="text"/> in (its first cell, where it first appears).</summary>
    public Terminal.Gui.Drawing.Attribute AttributeOf(string text)
    {
        var rows = Screen().Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n');
        for (var y = 0; y < rows.Length; y++)
        {
            var x = rows[y].IndexOf(text, StringComparison.Ordinal);
            if (x >= 0)
            {
                return App.Driver!.Contents![y, x].Attribute!.Value;
            }
        }

        throw new InvalidOperationException($"the screen does not show \"{text}\"");
    }

    public void Resize(int width, int height)
    {
        App.Driver!.SetScreenSize(width, height);
        App.LayoutAndDraw();
    }

    public void Dispose()
    {
        Window.Dispose();
        App.Dispose();
        RoomHttp?.Dispose();
    }
}
