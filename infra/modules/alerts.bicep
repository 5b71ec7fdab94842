// Alerts (docs/operations.md): each is a log query over the app's telemetry in Application Insights, evaluated on a
// schedule, mailing the administrators through one action group.
param location string
param tags object
param applicationInsightsId string
param actionGroupName string
param alertEmails array

resource administrators 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: actionGroupName
  location: 'global'
  tags: tags
  properties: {
    groupShortName: 'tdkt-admin'
    enabled: true
    emailReceivers: [for (address, i) in alertEmails: {
      name: 'admin-${i}'
      emailAddress: address
      useCommonAlertSchema: true
    }]
  }
}

var alerts = [
  {
    name: 'tdkt-sweep-missing'
    displayName: 'Chưa quét nhắc việc hôm nay'
    description: 'No sweep ran to the end since 00:00 in Vietnam, and it is past 10:00 there (the sweep runs at 08:00 every day, days off included: its heartbeat is the tdkt.sweep.runs metric). A disabled or never-firing Sweep function is caught too.'
    severity: 1
    frequency: 'PT1H'
    window: 'P1D'
    query: '''
let vietnamNow = now() + 7h;
let dayStartUtc = startofday(vietnamNow) - 7h;
customMetrics
| where timestamp >= dayStartUtc and name == "tdkt.sweep.runs" and tostring(customDimensions["tdkt.outcome"]) == "succeeded"
| summarize runs = sum(valueSum)
| union (print runs = 0.0)
| summarize runs = sum(runs)
| where hourofday(vietnamNow) >= 10 and runs == 0
'''
  }
  {
    name: 'tdkt-digests-failed'
    displayName: 'Thư không gửi được'
    description: 'A digest was given up: a permanent error (rejected address, bad credentials) or its last attempt failed. tdkt outbox list --status failed says why.'
    severity: 2
    frequency: 'PT15M'
    window: 'PT1H'
    query: '''
customMetrics
| where name == "tdkt.digests.failed"
| summarize failed = sum(valueSum)
| where failed > 0
'''
  }
  {
    name: 'tdkt-digests-waiting'
    displayName: 'Thư chờ gửi quá 2 giờ'
    description: 'The oldest digest still waiting after a dispatch pass is more than two hours old: the mail channel keeps failing, or dispatch does not run.'
    severity: 2
    frequency: 'PT15M'
    window: 'PT1H'
    query: '''
customMetrics
| where name == "tdkt.digests.oldest_pending_age"
| summarize age = max(valueMax)
| where age > 7200
'''
  }
  {
    name: 'tdkt-http-5xx'
    displayName: 'Lỗi 5xx trên các đường dẫn HTTP'
    description: 'An HTTP route answered 5xx (an agency page, an admin route, the health route).'
    severity: 2
    frequency: 'PT5M'
    window: 'PT15M'
    query: '''
requests
| where toint(resultCode) >= 500
| summarize failures = count()
| where failures > 0
'''
  }
  {
    name: 'tdkt-storage-failures'
    displayName: 'Không truy cập được kho dữ liệu'
    description: 'Requests were answered 503 because Table Storage could not be reached (the tdkt.storage.failures metric).'
    severity: 1
    frequency: 'PT5M'
    window: 'PT15M'
    query: '''
customMetrics
| where name == "tdkt.storage.failures"
| summarize failures = sum(valueSum)
| where failures > 0
'''
  }
]

resource rules 'Microsoft.Insights/scheduledQueryRules@2022-06-15' = [for alert in alerts: {
  name: alert.name
  location: location
  tags: tags
  properties: {
    displayName: alert.displayName
    description: alert.description
    severity: alert.severity
    enabled: true
    scopes: [
      applicationInsightsId
    ]
    evaluationFrequency: alert.frequency
    windowSize: alert.window
    criteria: {
      allOf: [
        {
          query: alert.query
          timeAggregation: 'Count'
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    autoMitigate: true
    actions: {
      actionGroups: [
        administrators.id
      ]
    }
  }
}]

output actionGroupId string = administrators.id
