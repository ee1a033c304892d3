using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using LittleRedDot.Engine.Tests.Oracles;

namespace LittleRedDot.Engine.Tests;

/// <summary>
/// Determinism (RULES.md §5, §7): one level and choice pinned to its digest (the OpenRA-style test), and the
/// digest rebuilt byte by byte from the page.
/// </summary>
public sealed class DeterminismTests
{
    private const string Player = "ada";
    private const string SavedAt = "2026-11-26T10:15:00Z";

    /// <summary>
    /// The pinned run digest of <see cref="PinnedLevel"/> with choice (α = 0.1, β0 = 0, β1 = 0), player "ada",
    /// savedAt 2026-11-26T10:15:00Z. Computed once and pinned. It must change ONLY together with a bump of
    /// RulesVersion.Current (RULES.md §7): if this fails without such a bump, the arithmetic of §5 changed by
    /// accident and every saved run in the world stops replaying.
    /// </summary>
    private const string PinnedDigest = "c2a1fe3634f7d5e579026a1bbd966d3bb0f382f8032e26f5624eb79c00b35715";

    private static Level PinnedLevel() => new(
        new LevelRules(CostKind.Mse, ParameterRule.Range(-10, 10), ParameterRule.Range(-10, 10), 0.001, 0.2, 50, 0.01, 10),
        new DataSet([1, 2, 3], [2, 3, 5]));

    [Fact]
    public void The_digest_of_one_level_and_choice_is_pinned()
    {
        Assert.Equal(1, RulesVersion.Current); // bump both together
        using var digest = new RunDigest(Player, SavedAt);
        var result = Descent.Run(PinnedLevel(), new Choice(0.1, 0, 0), digest);
        Assert.Equal(PinnedDigest, digest.Finish());
        Assert.Equal(Outcome.Reached, result.Outcome);
    }

    [Fact]
    public void The_digest_is_sha256_over_player_savedAt_and_every_state_as_section_7_defines_it()
    {
        // Built here from §7: UTF-8 player, 0, UTF-8 savedAt, 0, then for k = 0 … steps the little-endian bits
        // of β0_k, β1_k, J(β_k) — from the states of the independent §5 transcription, not the engine's.
        var reference = Section5.Play([1, 2, 3], [2, 3, 5], CostKind.Mse, ParameterRule.Range(-10, 10), ParameterRule.Range(-10, 10), 0.1, 0, 0, 50, 0.01);
        Assert.Equal(PinnedDigest, Sha256Of(Player, SavedAt, reference.States));
    }

    [Theory]
    [InlineData("ada", "2026-11-26T10:15:00Z")]
    [InlineData("Zoë 🦊 李", "2030-01-02T03:04:05.123Z")]
    public void The_digest_matches_an_independent_construction_on_observed_trajectories(string player, string savedAt)
    {
        // Several runs, including one whose J is NaN (the overflow case of BlowUpTests): every NaN is written as
        // 0x7FF8000000000000, whatever NaN the arithmetic produced (∞ − ∞ gives a negative NaN on x64).
        var cases = new (Level Level, Choice Choice)[]
        {
            (PinnedLevel(), new Choice(0.1, 0, 0)),
            (PinnedLevel(), new Choice(0.2, 10, -10)),
            (TestLevels.Make([1, 3], [0, 0], alphaMax: 1.7e308), new Choice(1.7e308, 5, -2.2)),
            (TestLevels.Make([1, 2, 3], [2, 3, 4], CostKind.HalfMse, beta1: ParameterRule.Fixed(1), budget: 50, tolerance: 1e-6), new Choice(2.0, 9, 1)),
        };
        foreach (var (level, choice) in cases)
        {
            var recorder = new TestLevels.Recorder();
            using var digest = new RunDigest(player, savedAt);
            Descent.Run(level, choice, new Both(recorder, digest));
            var expected = Sha256Of(player, savedAt, recorder.States.Select(s => (s.Beta0, s.Beta1, s.Cost)));
            Assert.Equal(expected, digest.Finish());
        }
    }

    [Fact]
    public void Every_nan_is_hashed_as_the_canonical_nan()
    {
        // Two states that differ only in the NaN payload/sign of J must hash the same.
        var negativeNaN = BitConverter.Int64BitsToDouble(unchecked((long)0xFFF8000000000000));
        var payloadNaN = BitConverter.Int64BitsToDouble(0x7FF0000000000001);
        string Digest(double cost)
        {
            using var d = new RunDigest(Player, SavedAt);
            d.OnState(new RunState(0, 1, 2, cost, 0));
            return d.Finish();
        }

        var canonical = Digest(double.NaN);
        Assert.Equal(canonical, Digest(negativeNaN));
        Assert.Equal(canonical, Digest(payloadNaN));
        Assert.Equal(Sha256Of(Player, SavedAt, [(1.0, 2.0, BitConverter.Int64BitsToDouble(0x7FF8000000000000))]), canonical);
    }

    [Fact]
    public void Any_change_to_player_savedAt_or_a_state_changes_the_digest()
    {
        var baseline = Sha256Of(Player, SavedAt, [(1.0, 2.0, 3.0)]);
        Assert.NotEqual(baseline, Sha256Of("adb", SavedAt, [(1.0, 2.0, 3.0)]));
        Assert.NotEqual(baseline, Sha256Of(Player, "2026-11-26T10:15:01Z", [(1.0, 2.0, 3.0)]));
        Assert.NotEqual(baseline, Sha256Of(Player, SavedAt, [(1.0, 2.0, Math.BitIncrement(3.0))]));

        using var d = new RunDigest(Player, SavedAt);
        d.OnState(new RunState(0, 1, 2, 3, 0));
        Assert.Equal(baseline, d.Finish());
    }

    /// <summary>§7 literally: SHA-256(UTF-8 player ‖ 0 ‖ UTF-8 savedAt ‖ 0 ‖ for each state LE64(β0) ‖ LE64(β1) ‖ LE64(J)), NaN canonical.</summary>
    private static string Sha256Of(string player, string savedAt, IEnumerable<(double B0, double B1, double J)> states)
    {
        var bytes = new List<byte>();
        bytes.AddRange(Encoding.UTF8.GetBytes(player));
        bytes.Add(0);
        bytes.AddRange(Encoding.UTF8.GetBytes(savedAt));
        bytes.Add(0);
        var eight = new byte[8];
        foreach (var (b0, b1, j) in states)
        {
            foreach (var value in new[] { b0, b1, j })
            {
                var bits = double.IsNaN(value) ? 0x7FF8000000000000 : BitConverter.DoubleToInt64Bits(value);
                BinaryPrimitives.WriteInt64LittleEndian(eight, bits);
                bytes.AddRange(eight);
            }
        }

        return Convert.ToHexStringLower(SHA256.HashData(bytes.ToArray()));
    }

    private sealed class Both(IRunObserver a, IRunObserver b) : IRunObserver
    {
        public void OnState(in RunState state)
        {
            a.OnState(state);
            b.OnState(state);
        }
    }
}
