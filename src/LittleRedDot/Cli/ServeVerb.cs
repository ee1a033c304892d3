using System.Buffers.Text;
using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using LittleRedDot.Content;
using LittleRedDot.Content.Board;
using LittleRedDot.Logging;
using LittleRedDot.Server;
using LittleRedDot.Server.Storage;
using Microsoft.Extensions.Logging;

namespace LittleRedDot.Cli;

/// <summary>`littlereddot serve PACK [--urls URL] [--db DB] [--admin-token TOKEN]`: host a room (RULES.md §9).</summary>
public static class ServeVerb
{
    /// <summary>The configuration section of the server's settings (RequestsPerSecond, Burst).</summary>
    public const string SettingsSection = "LittleRedDot:Serve";

    public static Command Create(CliContext context, Option<string?> levels)
    {
        ArgumentNullException.ThrowIfNull(context);
        var pack = new Argument<string>("PACK") { Description = "The pack the room plays: a pack folder path, or a pack folder name under the levels folder." };
        var urls = new Option<string>("--urls")
        {
            Description = $"Where to listen (default {RoomOptions.DefaultUrls}: this machine only; http://0.0.0.0:5055 opens it to the room's network).",
            DefaultValueFactory = _ => RoomOptions.DefaultUrls,
            HelpName = "URL",
        };
        var db = new Option<string?>("--db")
        {
            Description = "A SQLite file (default room.db in your data folder), or a PostgreSQL connection string (Host=…;Database=…;Username=…).",
            HelpName = "DB",
        };
        var adminToken = new Option<string?>("--admin-token")
        {
            Description = "The facilitator's token for `room` (default: a new one, printed once at start).",
            HelpName = "TOKEN",
        };
        var command = new Command("serve", "Host a workshop room: players submit runs, the server verifies and ranks them, the projector page shows the board.")
        {
            pack, urls, db, adminToken,
        };
        command.SetAction(parse => ServeAsync(context, parse.GetValue(levels), parse.GetValue(pack)!, parse.GetValue(urls)!, parse.GetValue(db), parse.GetValue(adminToken)).GetAwaiter().GetResult());
        return command;
    }

    private static async Task<int> ServeAsync(CliContext context, string? levelsOption, string packName, string urls, string? dbOption, string? tokenOption)
    {
        var library = context.Library(levelsOption);
        var found = library.Catalog.FindPack(packName)
            ?? throw new UsageException($"no pack \"{packName}\": give a pack folder, or one of the pack names `littlereddot levels` lists");
        var levels = new PackLevels(found, library.Loader);
        if (levels.Problems.Count > 0)
        {
            // A room verifies every run against its pack (RULES.md §9): it will not start on one it cannot wholly read.
            context.PrintErrors(levels.Problems);

            context.Error.WriteLine($"error: the room does not start on the pack \"{found.Title}\" until it is fixed; `littlereddot check-levels {CliContext.Shorten(found.Folder)}` checks it");
            return ExitCodes.BadInput;
        }

        var database = dbOption ?? DefaultDatabase(context);
        var options = new RoomOptions
        {
            AdminToken = tokenOption ?? Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(18)),
            RequestsPerSecond = Limit(context, "RequestsPerSecond", 20),
            Burst = Limit(context, "Burst", 40),
        };
        var log = context.Logging.CreateLogger("room");
        Room room;
        try
        {
            room = await Room.OpenAsync(RoomStores.Open(database), levels, context.Time, log, context.Cancellation).ConfigureAwait(false);
        }
        catch (RoomStoreException e)
        {
            context.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.BadInput;
        }

        await using (room.ConfigureAwait(false))
        {
            Microsoft.AspNetCore.Builder.WebApplication app;
            try
            {
                app = await Server.RoomServer.StartAsync(room, options, urls, logging => logging.AddProvider(new ForwardingLoggerProvider(context.Logging)), context.Cancellation).ConfigureAwait(false);
            }
            catch (RoomStartException e)
            {
                context.Error.WriteLine($"error: {e.Message}");
                return ExitCodes.BadInput;
            }

            await using (app.ConfigureAwait(false))
            {
                // Ctrl+C and SIGTERM end a room normally: the requests in flight finish, then exit 0 (§9).
                context.InterruptIsNormalStop = true;
                var addresses = string.Join(" ", Server.RoomServer.Addresses(app));
                context.Out.WriteLine($"Room: {found.Title} ({levels.LevelIds.Count} levels), round {room.Round.Id}");
                context.Out.WriteLine($"Serving at {addresses}: the projector page is / there, players submit to that address");
                context.Out.WriteLine($"Database: {room.StoreDescription}");
                if (tokenOption is null)
                {
                    context.Out.WriteLine($"Admin token (shown only now): {options.AdminToken}");
                }
                else
                {
                    context.Out.WriteLine("Admin token: the one given with --admin-token");
                }
                context.Out.WriteLine("Ctrl+C stops the room.");
                context.Out.Flush();
                await WaitForStopAsync(context.Cancellation, app.Lifetime.ApplicationStopping).ConfigureAwait(false);
                await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }

        context.Out.WriteLine("Room stopped; everything it accepted is stored.");
        return ExitCodes.Success;
    }

    private static string DefaultDatabase(CliContext context)
    {
        var data = context.Folders.Data ?? throw new UsageException($"{UserFolders.NoHome}, or give --db FILE");
        Directory.CreateDirectory(data);
        return Path.Combine(data, "room.db");
    }

    /// <summary>
    /// A per-client limit from configuration (LittleRedDot:Serve:NAME, environment LITTLEREDDOT__SERVE__NAME): the
    /// server's own section, apart from the player's LittleRedDot:Room (a room's URL), which is a value, not a section.
    /// </summary>
    private static int Limit(CliContext context, string name, int fallback)
    {
        var text = context.Configuration[$"{SettingsSection}:{name}"];
        if (text is null)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new UsageException($"{SettingsSection}:{name} must be a whole number above 0, not \"{text}\"");
    }

    private static Task WaitForStopAsync(CancellationToken interrupt, CancellationToken stopping)
    {
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var a = interrupt.Register(() => stopped.TrySetResult());
        var b = stopping.Register(() => stopped.TrySetResult());
        return stopped.Task.ContinueWith(
            _ =>
            {
                a.Dispose();
                b.Dispose();
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }
}
