using System.IO.Abstractions;
using LittleRedDot.Content;
using LittleRedDot.Content.Progress;
using Microsoft.Extensions.Configuration;

namespace LittleRedDot.Cli;

/// <summary>
/// The program's configuration (README, "Configuration, files and logs"): <c>appsettings.json</c> beside the program,
/// the pairs of the user's settings file, then <c>LITTLEREDDOT__*</c> environment variables, later sources winning.
/// <c>appsettings.json</c> is read as the settings file is: only a regular file of at most
/// <see cref="SettingsStore.MaxBytes"/> (a named pipe would wait for ever), and one that is not valid JSON (or names a
/// key twice) is reported and left out, never fatal (issue 14).
/// </summary>
public static class AppConfiguration
{
    /// <summary>The configuration from the three sources.</summary>
    /// <param name="fileSystem">Where <paramref name="appSettingsPath"/> is looked up before it is read.</param>
    /// <param name="appSettingsPath">The full path of <c>appsettings.json</c> (it need not exist).</param>
    /// <param name="settings">The settings file's pairs (<see cref="SettingsStore.ConfigurationPairs"/>).</param>
    /// <param name="warn">Told, in one line, why <c>appsettings.json</c> was left out.</param>
    public static IConfigurationRoot Build(
        IFileSystem fileSystem, string appSettingsPath, IEnumerable<KeyValuePair<string, string?>> settings, Action<string> warn)
    {
        ArgumentNullException.ThrowIfNull(fileSystem);
        ArgumentNullException.ThrowIfNull(warn);
        var builder = new ConfigurationBuilder();
        var file = fileSystem.FileInfo.New(appSettingsPath);
        if (FileKind.IsSpecial(fileSystem, appSettingsPath))
        {
            warn($"warning: {appSettingsPath} is {FileKind.NotRegular}; it is ignored");
        }
        else if (file.Exists && file.Length > SettingsStore.MaxBytes)
        {
            warn($"warning: {appSettingsPath} holds more than {SettingsStore.MaxBytes:N0} bytes; it is ignored");
        }
        else
        {
            builder.AddJsonFile(source =>
            {
                source.Path = appSettingsPath;
                source.Optional = true;
                source.ResolveFileProvider();
                source.OnLoadException = failure =>
                {
                    warn($"warning: {appSettingsPath} is not a valid configuration file ({Innermost(failure.Exception).Message}); it is ignored");
                    failure.Ignore = true;
                };
            });
        }

        return builder.AddInMemoryCollection(settings).AddEnvironmentVariables().Build();
    }

    private static Exception Innermost(Exception e) => e.InnerException is { } inner ? Innermost(inner) : e;
}
