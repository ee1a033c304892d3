using LittleRedDot.Tui.Plotting;
using LittleRedDot.Tui.Theming;

namespace LittleRedDot.Tui.Views;

/// <summary>A picture: rendered off screen by its presenter into a canvas, then copied onto the view.</summary>
public sealed class CanvasView(Theme theme, Action<CellCanvas, int, int> render) : GameView(theme)
{
    private readonly CellCanvas canvas = new();

    /// <summary>The canvas as last drawn (tests read it; the mouse maps clicks through it).</summary>
    public CellCanvas Canvas => canvas;

    protected override void Draw(int width, int height)
    {
        canvas.Reset(width, height);
        render(canvas, width, height);
        Blit(canvas);
    }
}
