using System.Globalization;
using System.Text;
using LittleRedDot.Engine;

namespace LittleRedDot.Benchmarks;

/// <summary>Data and files the benchmarks share: made up with a fixed seed, written under a temp folder.</summary>
internal static class Fixtures
{
    public static DataSet Line(int n, int seed = 7)
    {
        var random = new Random(seed);
        var x = new double[n];
        var y = new double[n];
        for (var i = 0; i < n; i++)
        {
            x[i] = random.NextDouble() * 10;
            y[i] = 3 + (2 * x[i]) + (random.NextDouble() - 0.5);
        }

        return new DataSet(x, y);
    }

    /// <summary>A two-column CSV of <paramref name="rows"/> points, as a facilitator's export would look.</summary>
    public static void WriteCsv(string path, int rows)
    {
        var random = new Random(11);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        writer.Write("x,y\n");
        for (var i = 0; i < rows; i++)
        {
            var x = random.NextDouble() * 10;
            writer.Write(x.ToString("F6", CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.Write((3 + (2 * x) + (random.NextDouble() - 0.5)).ToString("F6", CultureInfo.InvariantCulture));
            writer.Write('\n');
        }
    }

    public static string TempFolder(string name)
    {
        var folder = Path.Combine(Path.GetTempPath(), "littlereddot-bench", name);
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>The repository's levels/ folder, found by walking up from the benchmark's output.</summary>
    public static string ShippedLevels()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "levels");
            if (File.Exists(Path.Combine(dir.FullName, "LittleRedDot.sln")) && Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("run the benchmarks from inside the repository");
    }
}
