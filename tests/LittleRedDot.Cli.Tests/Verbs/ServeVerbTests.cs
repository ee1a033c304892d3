using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using LittleRedDot.Cli.Tests.TestSupport;
using Microsoft.Extensions.Configuration;

namespace LittleRedDot.Cli.Tests.Verbs;

/// <summary>`serve` (RULES.md §8, §9): exit 2 with one line when it cannot start; exit 0 when stopped.</summary>
public sealed partial class ServeVerbTests : IDisposable
{
    private readonly LevelsFolder levels = new();

    public void Dispose() => levels.Dispose();

    [Fact]
    public void A_taken_address_is_exit_2_with_one_line()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var result = InProcess.Run("serve", "pack", "--levels", levels.Root, "--urls", $"http://127.0.0.1:{port}", "--db", Path.Combine(levels.Path, "room.db"), "--admin-token", "t");
        Assert.True(result.Exit == 2, result.ToString());
        Assert.StartsWith($"error: cannot serve at http://127.0.0.1:{port}", result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        InProcess.AssertPlainErrors(result);
    }

    [Theory]
    [InlineData("Host=;Database=room")] // Npgsql refuses a missing host only when its data source is built
    [InlineData("Host=127.0.0.1;Port=notanumber")]
    public void A_connection_string_postgresql_cannot_use_is_exit_2_with_one_line(string db)
    {
        var result = InProcess.Run("serve", "pack", "--levels", levels.Root, "--urls", "http://127.0.0.1:0", "--db", db, "--admin-token", "t");

        Assert.True(result.Exit == 2, result.ToString());
        Assert.StartsWith("error: --db is not a PostgreSQL connection string (", result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        InProcess.AssertPlainErrors(result);
    }

    [Fact]
    public void An_address_with_no_such_port_is_exit_2_with_one_line_naming_urls()
    {
        const string urls = "http://127.0.0.1:99999";
        var result = InProcess.Run("serve", "pack", "--levels", levels.Root, "--urls", urls, "--db", Path.Combine(levels.Path, "room.db"), "--admin-token", "t");
        Assert.True(result.Exit == 2, result.ToString());
        Assert.Equal(
            $"error: cannot serve at {urls} (--urls): not an address to listen on; expected http://HOST:PORT with a port from 0 to 65535",
            result.Error.TrimEnd('\n'));
        InProcess.AssertPlainErrors(result);
    }

    [Fact]
    public async Task A_second_serve_on_the_same_database_is_exit_2_with_one_line()
    {
        var db = Path.Combine(levels.Path, "room.db");
        await using var first = LittleRedDot.Server.Storage.RoomStores.Sqlite(db);
        await first.OpenAsync(CancellationToken.None);

        var result = InProcess.Run("serve", "pack", "--levels", levels.Root, "--urls", "http://127.0.0.1:0", "--db", db, "--admin-token", "t");
        Assert.True(result.Exit == 2, result.ToString());
        Assert.EndsWith("is in use by another serve (pid unknown); stop it or use --db another file", result.Error.TrimEnd('\n'), StringComparison.Ordinal);
        Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        InProcess.AssertPlainErrors(result);
    }

    [Fact]
    public void A_database_that_cannot_be_opened_is_exit_2_with_one_line()
    {
        var result = InProcess.Run("serve", "pack", "--levels", levels.Root, "--urls", "http://127.0.0.1:0", "--db", Path.Combine(levels.Path, "no", "such", "room.db"));
        Assert.True(result.Exit == 2, result.ToString());
        Assert.Contains("cannot be opened", result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        InProcess.AssertPlainErrors(result);
    }

    [Fact]
    public void An_unknown_pack_is_exit_2()
    {
        var result = InProcess.Run("serve", "nope", "--levels", levels.Root);
        Assert.Equal(2, result.Exit);
        Assert.Contains("no pack \"nope\"", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ctrl_C_stops_the_room_and_exits_0()
    {
        // Written by the server's thread, read here: the synchronized writer locks itself around each write.
        var outText = new StringWriter();
        var output = TextWriter.Synchronized(outText);
        var errorText = new StringWriter();
        var error = TextWriter.Synchronized(errorText);
        string Printed()
        {
            lock (output)
            {
                return outText.ToString();
            }
        }

        using var interrupt = new CancellationTokenSource();
        var context = new CliContext(output, error, new System.IO.Abstractions.FileSystem(), TimeProvider.System, new ConfigurationBuilder().Build())
        {
            Cancellation = interrupt.Token,
        };
        var serving = Task.Run(() => new CliApp(context).Run(["serve", "pack", "--levels", levels.Root, "--urls", "http://127.0.0.1:0", "--db", Path.Combine(levels.Path, "room.db")]));

        // A bounded wait for the process-like server to print its address.
        var clock = Stopwatch.StartNew();
        Match address;
        while (!(address = Address().Match(Printed())).Success)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60) && !serving.IsCompleted, $"serve did not start: {Printed()}{errorText}");
            await Task.Delay(50);
        }

        using var http = new HttpClient { BaseAddress = new Uri(address.Groups[1].Value) };
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/board")).StatusCode);
        Assert.Matches("Admin token \\(shown only now\\): [A-Za-z0-9_-]{20,}", Printed());

        await interrupt.CancelAsync();
        Assert.Equal(0, await serving.WaitAsync(TimeSpan.FromSeconds(60)));
        Assert.True(context.InterruptIsNormalStop);
        Assert.Contains("Room stopped", Printed(), StringComparison.Ordinal);
        Assert.Equal(string.Empty, errorText.ToString());
    }

    [GeneratedRegex("Serving at (http://127\\.0\\.0\\.1:[0-9]+)")]
    private static partial Regex Address();
}
