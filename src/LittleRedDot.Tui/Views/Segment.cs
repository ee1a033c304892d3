using LittleRedDot.Tui.Theming;

namespace LittleRedDot.Tui.Views;

/// <summary>A run of text in one ink.</summary>
public readonly record struct Segment(string Text, Ink Ink);
