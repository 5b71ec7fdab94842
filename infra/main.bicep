// Tdkt on Azure: a Flex Consumption function app (.NET 10 isolated) with a user-assigned managed identity,
// storage with shared keys disabled, Application Insights on Log Analytics, Key Vault (RBAC) for the
// link-signing keys, and Azure Communication Services Email. Deployed by `azd up` (see docs/deploy.md).
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment; names the resource group and seeds resource names.')
param environmentName string

@minLength(1)
@description('Azure region for the resources (Communication Services are global, with their data in the chosen geography).')
param location string

@description('Mail channel the app sends with: Acs (default, the Communication Services deployed here), Graph or Smtp.')
@allowed([
  'Acs'
  'Graph'
  'Smtp'
])
param mailChannel string = 'Acs'

@description('Empty: an Azure-managed mail domain (DoNotReply@<guid>.azurecomm.net). Otherwise your own domain, e.g. tdkt.example.org, verified by DNS records (docs/deploy.md).')
param customMailDomain string = ''

@description('Link the custom mail domain to Communication Services: set true only once its DNS records are verified.')
param linkCustomMailDomain bool = false

@description('Sender name shown in the digests.')
param mailFromName string = 'Hệ thống nhắc việc thi đua, khen thưởng'

@description('Sends per minute across all instances (ACS and Graph limits are per minute).')
param mailRatePerMinute int = 30

@secure()
@description('Link-signing keys "id=base64key;…", newest first, each key 32 random bytes (docs/deploy.md). Kept in Key Vault.')
param linkSigningKeys string

@description('Graph channel only: tenant, app (client) id, client secret and sending mailbox.')
param graphTenantId string = ''
param graphClientId string = ''
@secure()
param graphClientSecret string = ''
param graphSender string = ''

@description('SMTP channel only: an agency mail server (or the ACS SMTP relay).')
param smtpHost string = 'localhost'
param smtpPort int = 587
@allowed([
  'Auto'
  'StartTls'
  'SslOnConnect'
  'None'
])
param smtpSecurity string = 'StartTls'
param smtpUserName string = ''
@secure()
param smtpPassword string = ''

@description('The console\'s first administrator (an email address): added as an administrator while the console has no user (docs/console.md).')
param consoleFirstAdmin string = ''

@description('The console on Azure signs people in with App Service Authentication (Microsoft Entra ID): the app registration\'s client id; empty leaves the platform\'s authentication off (the console then uses one-time sign-in links, docs/console.md).')
param consoleEntraClientId string = ''

@description('The app registration\'s client secret (kept in Key Vault); empty: none (an ID-token-only registration).')
@secure()
param consoleEntraClientSecret string = ''

@description('Administrators mailed by the alerts, comma-separated (docs/operations.md): no sweep by 10:00, mail not sent, mail waiting, 5xx, storage failures.')
param alertEmails string = ''

var tags = { 'azd-env-name': environmentName }
var token = toLower(uniqueString(subscription().id, environmentName, location))

resource group 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  scope: group
  params: {
    name: 'id-tdkt-${token}'
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  scope: group
  params: {
    logAnalyticsName: 'log-tdkt-${token}'
    applicationInsightsName: 'appi-tdkt-${token}'
    location: location
    tags: tags
    principalId: identity.outputs.principalId
  }
}

module alerts 'modules/alerts.bicep' = {
  scope: group
  params: {
    location: location
    tags: tags
    applicationInsightsId: monitoring.outputs.applicationInsightsId
    actionGroupName: 'ag-tdkt-${token}'
    alertEmails: empty(alertEmails) ? [] : map(split(alertEmails, ','), address => trim(address))
  }
}

module storage 'modules/storage.bicep' = {
  scope: group
  params: {
    name: 'sttdkt${take(token, 16)}'
    location: location
    tags: tags
    principalId: identity.outputs.principalId
    deploymentContainerName: 'app-package'
  }
}

module vault 'modules/keyvault.bicep' = {
  scope: group
  params: {
    name: 'kv-tdkt-${take(token, 14)}'
    location: location
    tags: tags
    principalId: identity.outputs.principalId
    linkSigningKeys: linkSigningKeys
    consoleEntraClientSecret: consoleEntraClientSecret
    hasConsoleEntraSecret: !empty(consoleEntraClientSecret)
  }
}

module communication 'modules/communication.bicep' = {
  scope: group
  params: {
    emailServiceName: 'ecs-tdkt-${token}'
    communicationServiceName: 'acs-tdkt-${token}'
    tags: tags
    customDomain: customMailDomain
    linkCustomDomain: linkCustomMailDomain
    principalId: identity.outputs.principalId
  }
}

module app 'modules/functionapp.bicep' = {
  scope: group
  params: {
    planName: 'plan-tdkt-${token}'
    appName: 'func-tdkt-${token}'
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageBlobEndpoint: storage.outputs.blobEndpoint
    storageQueueEndpoint: storage.outputs.queueEndpoint
    storageTableEndpoint: storage.outputs.tableEndpoint
    deploymentContainerName: 'app-package'
    applicationInsightsConnectionString: monitoring.outputs.applicationInsightsConnectionString
    linkSigningKeysSecretUri: vault.outputs.linkSigningKeysSecretUri
    mailChannel: mailChannel
    mailFrom: communication.outputs.mailFrom
    mailFromName: mailFromName
    consoleFirstAdmin: consoleFirstAdmin
    consoleEntraClientId: consoleEntraClientId
    consoleEntraSecretUri: vault.outputs.consoleEntraSecretUri
    mailRatePerMinute: mailRatePerMinute
    acsEndpoint: communication.outputs.endpoint
    graphTenantId: graphTenantId
    graphClientId: graphClientId
    graphClientSecret: graphClientSecret
    graphSender: graphSender
    smtpHost: smtpHost
    smtpPort: smtpPort
    smtpSecurity: smtpSecurity
    smtpUserName: smtpUserName
    smtpPassword: smtpPassword
  }
}

output AZURE_LOCATION string = location
output AZURE_RESOURCE_GROUP string = group.name
output AZURE_FUNCTION_APP_NAME string = app.outputs.name
output TDKT_BASE_URL string = app.outputs.baseUrl
output TDKT_STORAGE_TABLE_ENDPOINT string = storage.outputs.tableEndpoint
output TDKT_STORAGE_QUEUE_ENDPOINT string = storage.outputs.queueEndpoint
output TDKT_MAIL_FROM string = communication.outputs.mailFrom
