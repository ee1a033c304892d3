using LittleRedDot.Tui.Presentation;

namespace LittleRedDot.Tui.Plotting;

/// <summary>
/// What the pictures show at one moment: the dot (β0, β1), the path it took so far (frames 0 …
/// <see cref="PathEnd"/>), the ghost of the player's best run, and the chosen start.
/// </summary>
public sealed record PictureInput(
    double Beta0,
    double Beta1,
    double Start0,
    double Start1,
    IReadOnlyList<TraceFrame>? Path,
    int PathEnd,
    IReadOnlyList<TraceFrame>? Ghost);
