using System.IO.Abstractions;
using System.Text.Json;
using LittleRedDot.Content;
using LittleRedDot.Content.Progress;
using Microsoft.Extensions.Configuration;

namespace LittleRedDot.Cli;

/// <summary>
/// The program's configuration (README, "Configuration, files and logs"): <c>appsettings.json</c> beside the program,
/// the pairs of the user's settings file, then <c>LITTLEREDDOT__*</c> environment variables, later sources winning.
/// <c>appsettings.json</c> is read as the settings file is: only a regular file of at most
/// <see cref="SettingsStore.MaxBytes"/> (a named pipe would wait for ever), read here (<see cref="BoundedFile"/>) so
/// that one which cannot be read, is not valid JSON or names a key twice is reported in one line and left out, never
/// fatal (issue 14; an unreadable one crashed every verb, attacker round 5).
/// </summary>
public static class AppConfiguration
{
    /// <summary>The configuration from the three sources.</summary>
    /// <param name="fileSystem">Where <paramref name="appSettingsPath"/> is read.</param>
    /// <param name="appSettingsPath">The full path of <c>appsettings.json</c> (it need not exist).</param>
    /// <param name="settings">The settings file's pairs (<see cref="SettingsStore.ConfigurationPairs"/>).</param>
    /// <param name="warn">Told, in one line, why <c>appsettings.json</c> was left out.</param>
    public static IConfigurationRoot Build(
        IFileSystem fileSystem, string appSettingsPath, IEnumerable<KeyValuePair<string, string?>> settings, Action<string> warn)
    {
        ArgumentNullException.ThrowIfNull(fileSystem);
        ArgumentNullException.ThrowIfNull(warn);
        var builder = new ConfigurationBuilder();
        if (AppSettings(fileSystem, appSettingsPath, warn) is { } appSettings)
        {
            builder.AddConfiguration(appSettings);
        }

        return builder.AddInMemoryCollection(settings).AddEnvironmentVariables().Build();
    }

    /// <summary>The file's configuration; null (and a warning) when it is missing, cannot be read or is not JSON configuration.</summary>
    private static IConfigurationRoot? AppSettings(IFileSystem fileSystem, string path, Action<string> warn)
    {
        if (!fileSystem.File.Exists(path))
        {
            return null;
        }

        try
        {
            if (BoundedFile.Read(fileSystem, path, SettingsStore.MaxBytes) is not { } bytes)
            {
                warn($"warning: {path} holds more than {SettingsStore.MaxBytes:N0} bytes; it is ignored");
                return null;
            }

            return new ConfigurationBuilder().AddJsonStream(new MemoryStream(bytes)).Build();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            warn($"warning: {path} cannot be read ({e.Message}); it is ignored");
        }
        catch (Exception e) when (e is FormatException or JsonException or InvalidDataException)
        {
            warn($"warning: {path} is not a valid configuration file ({Innermost(e).Message}); it is ignored");
        }

        return null;
    }

    private static Exception Innermost(Exception e) => e.InnerException is { } inner ? Innermost(inner) : e;
}
