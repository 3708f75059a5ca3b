// EXPECT: none. Polling BackgroundService that waits a minute before its next round ("a polling loop that waits before its next round also retries").
using DatoCms.ErrorCodes;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Trial4;

internal sealed class S29_Poller(ICmsClient cms, ILogger<S29_Poller> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var item = await cms.GetItemAsync("homepage", stoppingToken);
                logger.LogInformation("Homepage title: {Title}", item?.Title);
            }
            catch (DatoCmsApiException ex)
            {
                logger.LogError(ex, "Poll failed");
            }

            await Task.Delay(TimeSpan.FromMinutes(1), stoppingToken);
        }
    }
}
