using Terminal.Gui.Input;

namespace LittleRedDot.Tui.Views;

/// <summary>The printable character a key types, lower-cased; null for keys that type nothing or carry Ctrl or Alt.</summary>
public static class KeyChar
{
    public static char? Of(Key key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.IsCtrl || key.IsAlt)
        {
            return null;
        }

        var rune = key.AsRune.Value;
        return rune is > 32 and < 0xFFFF ? char.ToLowerInvariant((char)rune) : null;
    }
}
