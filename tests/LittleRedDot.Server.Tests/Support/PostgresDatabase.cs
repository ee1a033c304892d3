using Npgsql;

namespace LittleRedDot.Server.Tests.Support;

/// <summary>
/// A fresh database on the PostgreSQL server that LITTLEREDDOT_TEST_POSTGRES names (a connection string with
/// the right to create databases; `.ci/run` starts a server on loopback and sets it). Where it is not set the
/// test is skipped with that reason, except under CI (CI=true), where it fails: there it must run.
/// </summary>
public sealed class PostgresDatabase : TestDatabase
{
    public const string Variable = "LITTLEREDDOT_TEST_POSTGRES";

    private static readonly string? Admin = Environment.GetEnvironmentVariable(Variable);
    private readonly string? name;

    public PostgresDatabase()
    {
        if (Admin is null)
        {
            return;
        }

        name = "lrd_" + Guid.NewGuid().ToString("N");
        using var connection = new NpgsqlConnection(Admin);
        connection.Open();
        using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        create.ExecuteNonQuery();
        Db = new NpgsqlConnectionStringBuilder(Admin) { Database = name }.ConnectionString;
    }

    public override string Name => "PostgreSQL";

    public override string Db { get; } = string.Empty;

    public override void SkipIfUnavailable()
    {
        if (Admin is null && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            throw new SkipException($"PostgreSQL tests skipped: no server; set {Variable} to an admin connection string (.ci/run starts one)");
        }

        Assert.True(Admin is not null, $"CI must run the PostgreSQL tests: {Variable} is not set (.ci/run should have started a server)");
    }

    public override void Dispose()
    {
        if (name is not null)
        {
            NpgsqlConnection.ClearAllPools();
            using var connection = new NpgsqlConnection(Admin);
            connection.Open();
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
            drop.ExecuteNonQuery();
        }

        base.Dispose();
    }
}
