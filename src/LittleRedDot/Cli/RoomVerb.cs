using System.CommandLine;
using System.Text;
using LittleRedDot.Content;
using LittleRedDot.Content.Rooms;

namespace LittleRedDot.Cli;

/// <summary>`littlereddot room URL open|close|freeze|unfreeze|reset|export [--at TIME] [--admin-token TOKEN]`: drives a room's round (RULES.md §9).</summary>
public static class RoomVerb
{
    private static readonly string[] Actions = [.. RoundActions.All, "export"];

    public static Command Create(CliContext context)
    {
        var url = new Argument<string>("URL") { Description = "The room's address, as `littlereddot serve` printed it (http://HOST:PORT)." };
        var action = new Argument<string>("ACTION")
        {
            Description = "open, close (later runs are refused), freeze (the public board stops changing, runs are still taken), unfreeze, reset (a new round; the old one is kept), or export (every submission of the round as JSON lines on standard output).",
        };
        action.AcceptOnlyFromAmong(Actions);
        var at = new Option<string?>("--at") { Description = "When the action takes effect, RFC 3339 (e.g. 2026-11-26T11:30:00Z); default now.", HelpName = "TIME" };
        var token = new Option<string?>("--admin-token")
        {
            Description = $"The room's admin token, as `serve` printed it (default: {RoomSupport.AdminTokenKey} in the settings file, or the environment variable LITTLEREDDOT__ADMINTOKEN).",
            HelpName = "TOKEN",
        };
        var command = new Command("room", "Run a room's round: open, close, freeze, unfreeze, reset, or export its submissions.")
        {
            url, action, at, token,
        };
        command.SetAction(parse =>
        {
            var room = RoomSupport.Address(parse.GetValue(url)!);
            var chosen = parse.GetValue(action)!;
            var admin = parse.GetValue(token) ?? context.Configuration[RoomSupport.AdminTokenKey];
            if (string.IsNullOrWhiteSpace(admin))
            {
                throw new UsageException($"the admin token is missing: give --admin-token TOKEN, or set {RoomSupport.AdminTokenKey} (environment LITTLEREDDOT__ADMINTOKEN)");
            }

            var when = parse.GetValue(at) is { } text ? ParseTime(text) : (DateTimeOffset?)null;
            if (when is not null && chosen == "export")
            {
                throw new UsageException("--at goes with open, close, freeze, unfreeze and reset, not export");
            }

            using var http = RoomSupport.Http(context);
            var client = new RoomClient(http, room, context.Time);
            try
            {
                if (chosen == "export")
                {
                    var body = RoomSupport.Wait(client.ExportAsync(admin, context.Cancellation));
                    foreach (var line in Encoding.UTF8.GetString(body).Split('\n', StringSplitOptions.RemoveEmptyEntries))
                    {
                        context.Out.WriteLine($"{line.TrimEnd('\r')}");
                    }

                    context.Out.Flush();
                    return ExitCodes.Success;
                }

                var roundAction = RoundActions.Parse(chosen);
                RoomSupport.Wait(client.RoundAsync(roundAction, when, admin, context.Cancellation));
            }
            catch (RoomException e)
            {
                context.Error.WriteLine($"error: {e.Message}");
                return ExitCodes.BadInput;
            }

            var moment = when is { } w ? $" at {Rfc3339.Format(w)}" : string.Empty;
            context.Error.WriteLine($"{room}: {chosen}{moment} done");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>RFC 3339 (<see cref="Rfc3339"/>): a date, 'T', a time and 'Z' or an offset. A time without one is refused, never guessed as UTC or local.</summary>
    private static DateTimeOffset ParseTime(string text) =>
        Rfc3339.TryParse(text, out var value)
            ? value
            : throw new UsageException($"--at: \"{text}\" is not an RFC 3339 time with 'Z' or an offset; write it like 2026-11-26T11:30:00Z or 2026-11-26T12:30:00+01:00");
}
