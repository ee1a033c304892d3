using System.IO.Abstractions;
using System.Text;

namespace LittleRedDot.Content.Rooms;

/// <summary>
/// The runs on their way to rooms (RULES.md §9), kept in the player's data folder so that a network error
/// never loses one: <c>outbox/KEY/room.url</c> names the room, <c>outbox/KEY/DIGEST.run.json</c> is a run
/// waiting for it (KEY is <see cref="RoomAddress.FolderKey"/>). A run is written here (atomically) before it
/// is sent and removed once the room stored it; a final refusal moves it to <c>outbox/KEY/refused/</c>
/// beside a <c>DIGEST.reason.txt</c>. Sending again is safe: the room knows a run it has by its digest, so
/// nothing is counted twice. One send at a time per outbox.
/// </summary>
public sealed class Outbox
{
    private const string RunSuffix = ".run.json";
    private readonly IFileSystem fileSystem;
    private readonly HttpClient http;
    private readonly IRoomTokens tokens;
    private readonly TimeProvider time;
    private readonly SemaphoreSlim sending = new(1, 1);

    /// <param name="fileSystem">Where the outbox lives.</param>
    /// <param name="dataFolder">The player's data folder; the outbox is its <c>outbox</c> folder.</param>
    /// <param name="http">How rooms are reached.</param>
    /// <param name="tokens">The names claimed in rooms, per room and player.</param>
    /// <param name="time">The clock the request deadlines run on.</param>
    public Outbox(IFileSystem fileSystem, string dataFolder, HttpClient http, IRoomTokens tokens, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(fileSystem);
        ArgumentNullException.ThrowIfNull(dataFolder);
        this.fileSystem = fileSystem;
        this.http = http;
        this.tokens = tokens;
        this.time = time;
        Folder = fileSystem.Path.Combine(dataFolder, "outbox");
    }

    public string Folder { get; }

    /// <summary>
    /// Keeps <paramref name="run"/> for <paramref name="room"/>, then sends it and every run still waiting for that room.
    /// A run that could not be kept is still sent; if it is not delivered either, <see cref="OutboxReport.NotKept"/> says why.
    /// </summary>
    public async Task<OutboxReport> SubmitAsync(RoomAddress room, RunFile run, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(room);
        ArgumentNullException.ThrowIfNull(run);
        var bytes = RunFileWriter.ToBytes(run);
        string? notKept = null;
        try
        {
            Keep(room, run.Digest, bytes);
        }
        catch (ContentException e)
        {
            notKept = e.Errors.Count > 0 ? e.Errors[0].ToString() : e.Message;
        }

        await sending.WaitAsync(cancellation).ConfigureAwait(false);
        try
        {
            var client = new RoomClient(http, room, time);
            var delivery = await SendOneAsync(client, run.Digest, run.Player, bytes, cancellation).ConfigureAwait(false);
            var earlier = delivery.Status == DeliveryStatus.NotDelivered
                ? new SendReport(0, 0, [])
                : await SendWaitingAsync(client, cancellation).ConfigureAwait(false);
            var waiting = Waiting(room).Count;
            return new OutboxReport(delivery, earlier.Stored, earlier.Refused, waiting, delivery.Status == DeliveryStatus.NotDelivered ? notKept : null);
        }
        finally
        {
            sending.Release();
        }
    }

    /// <summary>Sends every waiting run to every room it waits for; the rooms out of reach keep theirs.</summary>
    public async Task<SendReport> SendAllAsync(CancellationToken cancellation)
    {
        await sending.WaitAsync(cancellation).ConfigureAwait(false);
        try
        {
            var stored = 0;
            var refused = new List<string>();
            foreach (var room in Rooms())
            {
                var report = await SendWaitingAsync(new RoomClient(http, room, time), cancellation).ConfigureAwait(false);
                stored += report.Stored;
                refused.AddRange(report.Refusals);
            }

            return new SendReport(stored, refused.Count, refused);
        }
        finally
        {
            sending.Release();
        }
    }

    /// <summary>The files of the runs waiting for <paramref name="room"/>, oldest name first.</summary>
    public IReadOnlyList<string> Waiting(RoomAddress room)
    {
        ArgumentNullException.ThrowIfNull(room);
        var folder = RoomFolder(room);
        return fileSystem.Directory.Exists(folder)
            ? fileSystem.Directory.GetFiles(folder, "*" + RunSuffix).Order(StringComparer.Ordinal).ToArray()
            : [];
    }

    /// <summary>The rooms that have an outbox folder with its room.url readable.</summary>
    public IReadOnlyList<RoomAddress> Rooms()
    {
        if (!fileSystem.Directory.Exists(Folder))
        {
            return [];
        }

        var rooms = new List<RoomAddress>();
        foreach (var folder in fileSystem.Directory.GetDirectories(Folder).Order(StringComparer.Ordinal))
        {
            var urlFile = fileSystem.Path.Combine(folder, "room.url");
            try
            {
                if (fileSystem.File.Exists(urlFile) && RoomAddress.TryParse(fileSystem.File.ReadAllText(urlFile), out _) is { } room)
                {
                    rooms.Add(room);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A room folder that cannot be read keeps its runs for a later try; nothing is deleted.
            }
        }

        return rooms;
    }

    private string RoomFolder(RoomAddress room) => fileSystem.Path.Combine(Folder, room.FolderKey);

    private void Keep(RoomAddress room, string digest, byte[] bytes)
    {
        var folder = RoomFolder(room);
        var urlFile = fileSystem.Path.Combine(folder, "room.url");
        if (!fileSystem.File.Exists(urlFile))
        {
            AtomicFile.Write(fileSystem, urlFile, Encoding.UTF8.GetBytes(room.Text + "\n"));
        }

        AtomicFile.Write(fileSystem, fileSystem.Path.Combine(folder, SafeName(digest) + RunSuffix), bytes);
    }

    /// <summary>Sends the runs waiting for the client's room, stopping at the first that is not delivered (the room is out of reach: the rest would wait as long).</summary>
    private async Task<SendReport> SendWaitingAsync(RoomClient client, CancellationToken cancellation)
    {
        var stored = 0;
        var refusals = new List<string>();
        foreach (var file in Waiting(client.Room))
        {
            byte[] bytes;
            RunFile run;
            try
            {
                bytes = fileSystem.File.ReadAllBytes(file);
                run = RunFileReader.Read(bytes, file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue; // gone (another process sent it) or unreadable for now: it stays for a later try
            }
            catch (ContentException e)
            {
                refusals.Add(Refuse(file, $"not a run file: {(e.Errors.Count > 0 ? e.Errors[0].Message : e.Message)}"));
                continue;
            }

            var delivery = await SendOneAsync(client, run.Digest, run.Player, bytes, cancellation).ConfigureAwait(false);
            if (delivery.Status == DeliveryStatus.NotDelivered)
            {
                break;
            }

            if (delivery.Status == DeliveryStatus.Stored)
            {
                stored++;
            }
            else
            {
                refusals.Add(delivery.Message);
            }
        }

        return new SendReport(stored, refusals.Count, refusals);
    }

    /// <summary>One run to the room: its outbox file is removed once stored, moved to refused/ on a final refusal, kept otherwise.</summary>
    private async Task<Delivery> SendOneAsync(RoomClient client, string digest, string player, byte[] bytes, CancellationToken cancellation)
    {
        var delivery = await client.SubmitAsync(bytes, tokens.Find(client.Room, player), cancellation).ConfigureAwait(false);
        var file = fileSystem.Path.Combine(RoomFolder(client.Room), SafeName(digest) + RunSuffix);
        switch (delivery.Status)
        {
            case DeliveryStatus.Stored:
                if (delivery.Token is { Length: > 0 } token && tokens.Find(client.Room, player) != token)
                {
                    try
                    {
                        tokens.Keep(client.Room, player, token);
                    }
                    catch (ContentException e)
                    {
                        delivery = delivery with
                        {
                            Message = $"{delivery.Message}, but its token could not be kept ({e.Message}); {GivenRoomToken.HowToKeep(token)}, or the room refuses later runs under this name",
                            TokenNotKept = e.Message,
                        };
                    }
                }

                TryDelete(file);
                break;
            case DeliveryStatus.Refused when fileSystem.File.Exists(file):
                Refuse(file, delivery.Message);
                break;
        }

        return delivery;
    }

    /// <summary>
    /// Moves a refused run out of the way with the reason beside it (escaped: it quotes the room, and the file is
    /// read on a terminal); returns the reason.
    /// </summary>
    private string Refuse(string file, string reason)
    {
        var folder = fileSystem.Path.Combine(fileSystem.Path.GetDirectoryName(file)!, "refused");
        var name = fileSystem.Path.GetFileName(file);
        try
        {
            fileSystem.Directory.CreateDirectory(folder);
            AtomicFile.Write(fileSystem, fileSystem.Path.Combine(folder, name[..^RunSuffix.Length] + ".reason.txt"), Encoding.UTF8.GetBytes(TextSafety.Escape(reason) + "\n"));
            fileSystem.File.Move(file, fileSystem.Path.Combine(folder, name), overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ContentException)
        {
            // Could not be moved: deleting it keeps a final refusal from being sent again and again.
            TryDelete(file);
        }

        return reason;
    }

    private void TryDelete(string file)
    {
        try
        {
            fileSystem.File.Delete(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left behind, it is sent again later and the room recognises it by its digest.
        }
    }

    /// <summary>A digest is lower-case hex; anything else in a file name is replaced.</summary>
    private static string SafeName(string digest) =>
        digest.Length is > 0 and <= 128 && digest.All(char.IsAsciiHexDigitLower) ? digest : Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(digest)));
}
