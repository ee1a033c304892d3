using System.Diagnostics;
using System.Globalization;
using System.IO.Abstractions;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using LittleRedDot.Content;
using LittleRedDot.Content.Board;
using LittleRedDot.Engine;

// The room's load benchmark (RULES.md §9; issue: ≥ 1,000 verified submissions/s and p99 ≤ 100 ms at 100
// concurrent clients with SQLite). N simulated players submit runs made by the engine on the served pack,
// concurrently, to a `serve` on loopback; bounded by a count and a time. Run through run.sh.
// Usage: RoomLoad URL PACK_FOLDER CLIENTS RUNS SECONDS
var url = new Uri(args.Length > 0 ? args[0] : "http://127.0.0.1:5056");
if (!IPAddress.TryParse(url.Host, out var address) || !IPAddress.IsLoopback(address))
{
    Console.Error.WriteLine("error: the load benchmark only targets a loopback address (127.0.0.1 or [::1])");
    return 2;
}

var packFolder = args.Length > 1 ? args[1] : "levels/01-the-article";
var clients = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 100;
var total = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 20_000;
var limit = TimeSpan.FromSeconds(args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 60);

var fs = new FileSystem();
var library = new LevelLibrary(fs, Path.GetDirectoryName(Path.GetFullPath(packFolder))!);
var pack = library.Catalog.FindPack(Path.GetFullPath(packFolder)) ?? throw new InvalidOperationException("no pack at " + packFolder);
var levels = new PackLevels(pack, library.Loader);
var playable = levels.LevelIds.Select(levels.Find).OfType<LevelDefinition>().ToArray();

// Runs made before the clock starts: each player plays the pack's levels in turn, a new savedAt each time
// (so a new digest), with the first allowed choice of: the middle of each range, its low end, its high end.
Console.Error.WriteLine($"making {total} runs on {playable.Length} levels for {clients} players…");
var epoch = DateTimeOffset.UtcNow.AddDays(-1);
var work = new byte[clients][][];
var perClient = (total + clients - 1) / clients;
for (var c = 0; c < clients; c++)
{
    work[c] = new byte[perClient][];
    for (var i = 0; i < perClient; i++)
    {
        var level = playable[i % playable.Length];
        var choice = Pick(level.Level);
        work[c][i] = RunFileWriter.ToBytes(RunRecorder.Record(level, choice, $"player-{c:D3}-{Environment.ProcessId}", epoch.AddSeconds(i)));
    }
}

using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionLifetime = Timeout.InfiniteTimeSpan }) { BaseAddress = url };
var latencies = new List<double>[clients];
var statuses = new Dictionary<int, int>[clients];
var stop = Stopwatch.StartNew();
using var deadline = new CancellationTokenSource(limit);
await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
{
    latencies[c] = new List<double>(perClient);
    statuses[c] = [];
    string? token = null;
    foreach (var run in work[c])
    {
        if (deadline.IsCancellationRequested)
        {
            break;
        }

        using var content = new ByteArrayContent(run);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/runs") { Content = content };
        if (token is not null)
        {
            request.Headers.Add("X-Player-Token", token);
        }

        var started = Stopwatch.GetTimestamp();
        int status;
        try
        {
            using var answer = await http.SendAsync(request, CancellationToken.None);
            var body = await answer.Content.ReadAsByteArrayAsync();
            status = (int)answer.StatusCode;
            if (status == 201 && token is null)
            {
                using var json = JsonDocument.Parse(body);
                token = json.RootElement.GetProperty("token").GetString();
            }
        }
        catch (HttpRequestException)
        {
            status = 0;
        }

        latencies[c].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        statuses[c][status] = statuses[c].GetValueOrDefault(status) + 1;
    }
})));
var elapsed = stop.Elapsed;

var all = latencies.SelectMany(l => l).Order().ToArray();
var counts = statuses.SelectMany(s => s).GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g => g.Sum(kv => kv.Value));
var stored = counts.GetValueOrDefault(201);
Console.WriteLine($"clients {clients}, submissions {all.Length} in {elapsed.TotalSeconds:F2} s");
Console.WriteLine($"answers: {string.Join(", ", counts.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key}×{kv.Value}"))}");
Console.WriteLine($"verified and stored: {stored / elapsed.TotalSeconds:F0}/s");
Console.WriteLine($"latency ms: p50 {Percentile(all, 0.50):F1}, p99 {Percentile(all, 0.99):F1}, max {all[^1]:F1}");
return stored == all.Length ? 0 : 1;

static Choice Pick(Level level)
{
    var r = level.Rules;
    foreach (var at in new[] { 0.5, 0.0, 1.0 })
    {
        var choice = new Choice(At(r.AlphaMin, r.AlphaMax, at), At(r.Beta0.Min, r.Beta0.Max, at), At(r.Beta1.Min, r.Beta1.Max, at));
        if (level.CheckChoice(choice) is null)
        {
            return choice;
        }
    }

    throw new InvalidOperationException("no allowed choice found on a level");
}

static double At(double min, double max, double fraction) => min + ((max - min) * fraction);

static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
