using System.IO.Abstractions;
using BenchmarkDotNet.Attributes;
using LittleRedDot.Content;
using LittleRedDot.Content.Progress;
using LittleRedDot.Tui;
using LittleRedDot.Tui.Presentation;
using LittleRedDot.Tui.Theming;
using LittleRedDot.Tui.Views;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;
using Terminal.Gui.Time;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace LittleRedDot.Benchmarks;

/// <summary>
/// One forced frame of the level screen, headless, at 80×24 and 200×60 — beside Terminal.Gui's own
/// forced redraw of an empty window of the same size, the floor (issue 7: at most 1.5× that floor).
/// Also one animation step: what 30 steps a second costs.
/// </summary>
public class DrawBenchmarks
{
    private readonly string data = Fixtures.TempFolder("draw-data");
    private IApplication game = null!;
    private GameWindow window = null!;
    private IApplication empty = null!;
    private Runnable emptyWindow = null!;

    [Params("80x24", "200x60")]
    public string Size { get; set; } = "80x24";

    [GlobalSetup]
    public void Setup()
    {
        var (width, height) = (int.Parse(Size.Split('x')[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(Size.Split('x')[1], System.Globalization.CultureInfo.InvariantCulture));
        var fs = new FileSystem();
        var clock = TimeProvider.System;
        var services = new GameServices(fs, clock, new SettingsStore(fs, Path.Combine(data, "settings.json"), clock), data, new UserAccount("bench", data), "bench", null);
        var library = new LevelLibrary(fs, Fixtures.ShippedLevels());
        var model = new ChooserModel(library.Loader, library.Catalog.Packs(), services);
        game = Application.Create(new VirtualTimeProvider());
        game.Init(DriverRegistry.Names.ANSI);
        game.Driver!.SetScreenSize(width, height);
        GameApp.ConfigureKeys(game);
        window = new GameApp(new Theme(new TerminalTraits(Color: true, Unicode: true)), services, model).CreateWindow();
        game.Begin(window);

        // Two free parameters: the valley map is the heaviest picture.
        window.Start("dials-01-two-dials");
        game.InjectKey(Key.Esc); // close the story: the level screen itself is what is measured
        game.LayoutAndDraw(forceRedraw: true);

        empty = Application.Create(new VirtualTimeProvider());
        empty.Init(DriverRegistry.Names.ANSI);
        empty.Driver!.SetScreenSize(width, height);
        emptyWindow = new Runnable { Width = Dim.Fill(), Height = Dim.Fill() };
        empty.Begin(emptyWindow);
        empty.LayoutAndDraw(forceRedraw: true);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        window.Dispose();
        game.Dispose();
        emptyWindow.Dispose();
        empty.Dispose();
    }

    [Benchmark(Baseline = true, Description = "Terminal.Gui: forced redraw of an empty window")]
    public void EmptyWindow() => empty.LayoutAndDraw(forceRedraw: true);

    [Benchmark(Description = "the level screen: forced redraw of a whole frame")]
    public void LevelScreen() => game.LayoutAndDraw(forceRedraw: true);
}
