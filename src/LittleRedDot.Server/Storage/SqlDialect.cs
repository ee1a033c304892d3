using System.Data.Common;

namespace LittleRedDot.Server.Storage;

/// <summary>
/// What differs between the databases a room can use: how a connection is opened and set up, and the
/// column types of the schema, and how one writer holds the database for itself (<paramref name="Hold"/>, null: the
/// database itself keeps writers apart). Every query is the same portable SQL (named parameters, no upsert).
/// </summary>
public sealed record SqlDialect(
    string Description,
    Func<CancellationToken, ValueTask<DbConnection>> OpenAsync,
    string Integer,
    string Bytes,
    Func<IDisposable>? Hold = null)
{
    /// <summary>
    /// The schema, one entry per version (RULES.md §9: versioned and upgraded at start). Version n's
    /// statements take a database from version n − 1 to n; a released version's statements never change.
    /// </summary>
    public IReadOnlyList<string[]> Migrations =>
    [
        [
            $"CREATE TABLE rounds (id {Integer} PRIMARY KEY, started_at TEXT NOT NULL, closes_at TEXT NULL, frozen_up_to {Integer} NULL)",
            $"CREATE TABLE submissions (id {Integer} PRIMARY KEY, round_id {Integer} NOT NULL REFERENCES rounds (id), received_at TEXT NOT NULL, "
                + $"player TEXT NULL, level_id TEXT NULL, digest TEXT NULL, verified {Integer} NOT NULL, reason TEXT NOT NULL, field TEXT NULL, "
                + $"message TEXT NOT NULL, body {Bytes} NOT NULL)",
            // A verified run is counted once per round, whatever the writer believes (RULES.md §9).
            "CREATE UNIQUE INDEX submissions_verified_digest ON submissions (round_id, digest) WHERE verified = 1",
            "CREATE INDEX submissions_round ON submissions (round_id, id)",
            "CREATE TABLE claims (player TEXT PRIMARY KEY, token TEXT NOT NULL, claimed_at TEXT NOT NULL)",
        ],
    ];
}
