using System;

namespace DatoCms.ErrorCodes.Runtime.Tests.Retry;

/// <summary>The scenario runner's measures over the imitation's count, on hand-made traffic.</summary>
public class TrafficMeasureTests
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(3);

    [Fact]
    public void MiddleWindowsLeaveOutTheFirstAndTheLastAndCountEmptyOnes()
    {
        var traffic = new ImitationTraffic();
        Add(traffic, window: 0, accepted: 60, rejected: 12);
        Add(traffic, window: 1, accepted: 60, rejected: 3);
        Add(traffic, window: 2, accepted: 55, rejected: 0);
        Add(traffic, window: 4, accepted: 60, rejected: 0);
        Add(traffic, window: 5, accepted: 5, rejected: 0);

        // Windows 1 to 4: 60 + 55 + 0 + 60 of 4 × 60; rejections count for nothing.
        Assert.Equal(175 / 240.0, traffic.FractionOfMiddleWindowsFilled(60, Window), 6);
    }

    [Fact]
    public void ATailLeftForOneMoreWindowCostsTheRateButNotTheMiddleWindows()
    {
        var full = new ImitationTraffic();
        var spilled = new ImitationTraffic();
        for (var window = 0; window < 15; window++)
        {
            Add(full, window, accepted: 60, rejected: 0);
            Add(spilled, window, accepted: window == 14 ? 55 : 60, rejected: 0);
        }

        Add(full, 15, accepted: 0, rejected: 0);
        Add(spilled, 15, accepted: 5, rejected: 0);

        Assert.Equal(1.0, full.FractionOfMiddleWindowsFilled(60, Window), 6);
        Assert.Equal(((13 * 60) + 55) / (14 * 60.0), spilled.FractionOfMiddleWindowsFilled(60, Window), 6);
        Assert.True(spilled.FractionOfAllowedRate(60, Window) < 0.95);
        Assert.True(full.FractionOfAllowedRate(60, Window) > 0.95);
    }

    [Fact]
    public void TooShortARunHasNoMiddle() =>
        Assert.True(double.IsNaN(new ImitationTraffic().FractionOfMiddleWindowsFilled(60, Window)));

    /// <summary>Requests counted at the start of a window, a millisecond apart, as a burst arrives.</summary>
    private static void Add(ImitationTraffic traffic, int window, int accepted, int rejected)
    {
        for (var i = 0; i < accepted + rejected; i++)
        {
            traffic.Record((Window * window) + TimeSpan.FromMilliseconds(i), "w0", accepted: i < accepted);
        }
    }
}
