// EXPECT: none. PeriodicTimer polling loop: the tick is the wait before the next round.
using DatoCms.ErrorCodes;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Trial4;

internal sealed class S30_TimerSync(ICmsClient cms, ILogger<S30_TimerSync> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(30));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await cms.PublishAsync("scheduled", stoppingToken);
            }
            catch (DatoCmsApiException ex)
            {
                logger.LogWarning(ex, "Scheduled publish failed; next tick will try again");
            }
        }
    }
}
