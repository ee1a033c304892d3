using System.Text.Json;

namespace LittleRedDot.Content.Board;

/// <summary>
/// A leaderboard as one JSON object (RULES.md §8 `board --format json`, §9 `GET /api/board`): `players`
/// (rank, player, score, stars, bounces, levels: id → best score) and `rejected` (file, reason).
/// Names are written as they are: the reader escapes where it shows them.
/// </summary>
public static class BoardJson
{
    /// <summary>The board as UTF-8 JSON; <paramref name="more"/> may add properties after `rejected` (a room's round).</summary>
    public static byte[] ToBytes(BoardSnapshot board, Action<Utf8JsonWriter>? more = null)
    {
        ArgumentNullException.ThrowIfNull(board);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, JsonNumbers.WriterOptions))
        {
            w.WriteStartObject();
            w.WriteStartArray("players");
            foreach (var p in board.Players)
            {
                w.WriteStartObject();
                w.WriteNumber("rank", p.Rank);
                w.WriteString("player", p.Player);
                w.WriteNumber("score", p.Score);
                w.WriteNumber("stars", p.Stars);
                w.WriteNumber("bounces", p.Bounces);
                w.WriteStartObject("levels");
                foreach (var (id, score) in p.Levels)
                {
                    w.WriteNumber(id, score);
                }

                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("rejected");
            foreach (var r in board.Rejected)
            {
                w.WriteStartObject();
                w.WriteString("file", r.File);
                w.WriteString("reason", r.Reason);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            more?.Invoke(w);
            w.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
