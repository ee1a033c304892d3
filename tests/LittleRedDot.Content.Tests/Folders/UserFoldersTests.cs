namespace LittleRedDot.Content.Tests.Folders;

/// <summary>
/// Issue 14: the user's folders are never relative paths (XDG Base Directory spec: a relative value is invalid and
/// ignored), so settings, tokens, the outbox and the log never land in the working folder. The environment is faked.
/// Linux (XDG) only, as CI runs. Oracle: the XDG spec's defaults ($HOME/.local/share, $HOME/.config, $HOME/.local/state) joined by hand.
/// </summary>
public sealed class UserFoldersTests
{
    private static UserFolders With(string? home, string profile, params (string Name, string Value)[] more) =>
        new(v => v == "HOME" ? home : more.FirstOrDefault(p => p.Name == v).Value, profile);

    [Fact]
    public void An_absolute_home_that_does_not_exist_yet_is_used()
    {
        var folders = With("/nonexistent/home", string.Empty);

        Assert.Equal("/nonexistent/home/.local/share/littlereddot", folders.Data);
        Assert.Equal("/nonexistent/home/.config/littlereddot/settings.json", folders.SettingsFile);
        Assert.Equal("/nonexistent/home/.local/state/littlereddot/littlereddot.log", folders.LogFile);
        Assert.False(folders.Homeless);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("relative/home")]
    public void Without_an_absolute_home_no_folder_is_placed_never_a_relative_one(string? home)
    {
        var folders = With(home, string.Empty, ("XDG_DATA_HOME", "relative/data"));

        Assert.Null(folders.Data);
        Assert.Null(folders.SettingsFile);
        Assert.Null(folders.LogFile);
        Assert.True(folders.Homeless);
    }

    [Fact]
    public void A_relative_xdg_value_is_ignored_and_an_absolute_one_wins()
    {
        var folders = With("/h", string.Empty, ("XDG_DATA_HOME", "data"), ("XDG_CONFIG_HOME", "/xdg/config"));

        Assert.Equal("/h/.local/share/littlereddot", folders.Data);
        Assert.Equal("/xdg/config/littlereddot/settings.json", folders.SettingsFile);
    }

    [Fact]
    public void The_platform_profile_serves_when_home_is_not_absolute()
    {
        Assert.Equal("/profile/.config/littlereddot", With("relative", "/profile").Config);
        Assert.Null(With("relative", "also/relative").Config);
    }
}
