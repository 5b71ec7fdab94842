// The Flex Consumption plan and function app (.NET 10 isolated), running as the user-assigned identity:
// identity-based AzureWebJobsStorage, the deployment package in a blob container, Application Insights by
// Entra ID, and every Tdkt setting the code reads (docs/deploy.md explains each).
param planName string
param appName string
param location string
param tags object
param identityId string
param identityClientId string
param storageBlobEndpoint string
param storageQueueEndpoint string
param storageTableEndpoint string
param deploymentContainerName string
param applicationInsightsConnectionString string
param linkSigningKeysSecretUri string
param mailChannel string
param mailFrom string
param mailFromName string
param consoleFirstAdmin string
param consoleEntraClientId string
param consoleEntraSecretUri string
param mailRatePerMinute int
param acsEndpoint string
param graphTenantId string
param graphClientId string
@secure()
param graphClientSecret string
param graphSender string
param smtpHost string
param smtpPort int
param smtpSecurity string
param smtpUserName string
@secure()
param smtpPassword string

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: appName
  location: location
  tags: union(tags, { 'azd-service-name': 'functions' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storageBlobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: 40
        instanceMemoryMB: 2048
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
    }
  }
}

// Set after the site exists, so the links can name its real host name.
resource settings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: app
  name: 'appsettings'
  properties: {
    // Functions host: storage and telemetry by identity.
    AzureWebJobsStorage__credential: 'managedidentity'
    AzureWebJobsStorage__clientId: identityClientId
    AzureWebJobsStorage__blobServiceUri: storageBlobEndpoint
    AzureWebJobsStorage__queueServiceUri: storageQueueEndpoint
    AzureWebJobsStorage__tableServiceUri: storageTableEndpoint
    APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
    APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
    // The host's own "Your Functions app is up and running" page at GET / is not the product's: 404 instead.
    AzureWebJobsDisableHomepage: 'true'
    // Tdkt:Storage: the same account as AzureWebJobsStorage (the Dispatch queue trigger reads it).
    Tdkt__Storage__ConnectionString: ''
    Tdkt__Storage__TableEndpoint: storageTableEndpoint
    Tdkt__Storage__QueueEndpoint: storageQueueEndpoint
    // Agencies' attached files: container tdkt-evidence, private, reached by the same identity (Storage Blob Data Owner).
    Tdkt__Storage__BlobEndpoint: storageBlobEndpoint
    Tdkt__Storage__ManagedIdentityClientId: identityClientId
    Tdkt__Storage__Prefix: 'tdkt'
    // Tdkt:Sweep: 01:00 UTC is 08:00 in Vietnam.
    Tdkt__Sweep__Schedule: '0 0 1 * * *'
    Tdkt__Sweep__CalendarFile: ''
    // Tdkt:Mail.
    Tdkt__Mail__Channel: mailChannel
    Tdkt__Mail__From: mailChannel == 'Graph' && !empty(graphSender) ? graphSender : mailFrom
    Tdkt__Mail__FromName: mailFromName
    Tdkt__Mail__TemplatesDirectory: ''
    Tdkt__Mail__RatePerMinute: string(mailRatePerMinute)
    Tdkt__Mail__MaxAttempts: '6'
    Tdkt__Mail__DispatchQueue: 'tdkt-dispatch'
    Tdkt__Mail__Acs__ConnectionString: ''
    Tdkt__Mail__Acs__Endpoint: acsEndpoint
    Tdkt__Mail__Acs__ManagedIdentityClientId: identityClientId
    Tdkt__Mail__Acs__TimeoutSeconds: '30'
    Tdkt__Mail__Graph__BaseUrl: 'https://graph.microsoft.com/v1.0'
    Tdkt__Mail__Graph__TenantId: graphTenantId
    Tdkt__Mail__Graph__ClientId: graphClientId
    Tdkt__Mail__Graph__ClientSecret: graphClientSecret
    Tdkt__Mail__Graph__Sender: graphSender
    Tdkt__Mail__Smtp__Host: smtpHost
    Tdkt__Mail__Smtp__Port: string(smtpPort)
    Tdkt__Mail__Smtp__Security: smtpSecurity
    Tdkt__Mail__Smtp__UserName: smtpUserName
    Tdkt__Mail__Smtp__Password: smtpPassword
    // Tdkt:Retention (docs/retention.md): what the daily sweep reduces, and how much per run.
    Tdkt__Retention__MailSlotDays: '2'
    Tdkt__Retention__SentPayloadDays: '90'
    Tdkt__Retention__NetworkDataDays: '90'
    Tdkt__Retention__NameYears: '2'
    Tdkt__Retention__MaxRowsPerRun: '20000'
    // Tdkt:Reports (docs/reports.md): the letterhead of the report sent upward; empty takes it from the plan and the directory.
    Tdkt__Reports__From: ''
    Tdkt__Reports__ParentBody: ''
    Tdkt__Reports__Recipient: ''
    Tdkt__Reports__Place: ''
    Tdkt__Reports__Abbreviation: ''
    Tdkt__Reports__SignerTitle: ''
    Tdkt__Reports__SignerName: ''
    // Tdkt:Web: none. Behind the Functions host the worker's ASP.NET Core integration already takes the client address
    // from the X-Forwarded-For the host (on loopback) sends; a further hop is believed only from a listed proxy.
    Tdkt__Web__TrustedProxies: ''
    // Tdkt:Links: the keys from Key Vault; links point at this app.
    Tdkt__Links__SigningKeys: '@Microsoft.KeyVault(SecretUri=${linkSigningKeysSecretUri})'
    Tdkt__Links__BaseUrl: 'https://${app.properties.defaultHostName}'
    Tdkt__Links__GraceDays: '60'
    // Tdkt:Console (docs/console.md): the first administrator, while the console has no administrator.
    Tdkt__Console__FirstAdmin: consoleFirstAdmin
    // App Service Authentication reads the Entra client secret from here (empty: none).
    MICROSOFT_PROVIDER_AUTHENTICATION_SECRET: empty(consoleEntraSecretUri) ? '' : '@Microsoft.KeyVault(SecretUri=${consoleEntraSecretUri})'
  }
}

// The console's sign-in on Azure: App Service Authentication with Microsoft Entra ID. Anonymous requests are let
// through (the agency pages, their POSTs, the calendar feed, downloads and the key-protected API need no sign-in);
// the console itself asks for the platform's signed-in person (X-MS-CLIENT-PRINCIPAL-NAME, trusted only because
// the platform sets WEBSITE_AUTH_ENABLED) and sends anyone else to /.auth/login/aad.
resource auth 'Microsoft.Web/sites/config@2024-04-01' = if (!empty(consoleEntraClientId)) {
  parent: app
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: true
    }
    globalValidation: {
      requireAuthentication: false
      unauthenticatedClientAction: 'AllowAnonymous'
    }
    httpSettings: {
      requireHttps: true
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: consoleEntraClientId
          clientSecretSettingName: empty(consoleEntraSecretUri) ? null : 'MICROSOFT_PROVIDER_AUTHENTICATION_SECRET'
          openIdIssuer: '${environment().authentication.loginEndpoint}${tenant().tenantId}/v2.0'
        }
        validation: {
          allowedAudiences: [
            'api://${consoleEntraClientId}'
          ]
        }
      }
    }
    login: {
      tokenStore: {
        enabled: true
      }
    }
  }
  dependsOn: [
    settings
  ]
}

output name string = app.name
output baseUrl string = 'https://${app.properties.defaultHostName}'
